package org.civictaskforce.membership.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.civictaskforce.calendar.CalendarEntry;
import org.civictaskforce.calendar.MeetingCalendar;
import org.civictaskforce.membership.application.MeetingService;
import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingFilter;
import org.civictaskforce.membership.domain.MeetingKind;
import org.civictaskforce.membership.domain.MeetingStatus;
import org.civictaskforce.platform.security.Caller;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Meetings: schedule, list, read, reschedule, cancel, invite, RSVP, attendance, minutes, decisions.
 * Every answer that shows a meeting takes {@code ?zone=} (an IANA id) to add the start in the
 * viewer's zone.
 *
 * <p>Access: every command is for coordinators, except the RSVP, which is the invitee's own (the
 * caller answers for themself; a {@code personId} in the body must be the caller). The list is for any
 * working-group role. The single read shows the online link, the invitees, attendance, minutes and
 * decisions to invitees and coordinators; other members get the summary the list shows; a caller
 * with no role who is not invited gets the same 404 as for a meeting that does not exist.
 */
@RestController
@Validated
@RequestMapping(MeetingsController.PATH)
public class MeetingsController {
    static final String PATH = "/api/membership/meetings";

    private final MeetingService service;
    private final Clock clock;

    public MeetingsController(MeetingService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Schedule a meeting at a local time in an IANA zone (coordinators)")
    @ApiResponse(responseCode = "201", description = "Scheduled (Location: the meeting)", useReturnTypeSchema = true)
    public ResponseEntity<MeetingResponse> schedule(@Valid @RequestBody ScheduleMeetingRequest request,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        Meeting meeting = service.schedule(request.toNewMeeting(), Caller.current());
        return ResponseEntity.created(URI.create(PATH + "/" + meeting.id()))
                .body(MeetingResponse.full(meeting, viewer(zone)));
    }

    /** The only read with the online link and the invitees: for invitees and coordinators. */
    @GetMapping("/{id}")
    @Operation(summary = "A meeting, with the online link and invitees for invitees and coordinators")
    public MeetingResponse get(@PathVariable String id,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        MeetingService.Read read = service.read(id, Caller.current());
        return read.full() ? MeetingResponse.full(read.meeting(), viewer(zone))
                : MeetingResponse.summary(read.meeting(), viewer(zone));
    }

    /**
     * The meeting as an iCalendar file (RFC 5545, {@code METHOD:PUBLISH}, its zone's VTIMEZONE, UID
     * {@code <id>@civic-taskforce}, SEQUENCE the number of moves and cancellation) to download: for whoever
     * may read the meeting, by the same rule as {@link #get}; the online link only for those who see it there.
     */
    @GetMapping(value = "/{id}/calendar.ics", produces = CALENDAR_TYPE)
    public ResponseEntity<String> calendar(@PathVariable String id) {
        MeetingService.Read read = service.read(id, Caller.current());
        Meeting meeting = read.meeting();
        boolean full = read.full();
        CalendarEntry entry = new CalendarEntry(meeting.id(), meeting.title(), meeting.startsAt(),
                meeting.timeZone().getId(), meeting.durationMinutes(),
                full && meeting.onlineLink() != null ? URI.create(meeting.onlineLink()) : null,
                meeting.calendarSequence(), meeting.status() == MeetingStatus.CANCELLED, clock.instant());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CALENDAR_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(MeetingCalendar.fileName(meeting.title())).build()
                                .toString())
                .body(MeetingCalendar.download(entry));
    }

    static final String CALENDAR_TYPE = "text/calendar;charset=utf-8";

    /** Ordered by start; {@code from} (inclusive) and {@code to} (exclusive) bound the start, as ISO instants. */
    @GetMapping
    @Operation(summary = "Meetings ordered by start, optionally between two instants")
    public PagedModel<MeetingResponse> list(
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) MeetingKind kind,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ZoneId viewer = viewer(zone);
        return new PagedModel<>(service.search(new MeetingFilter(status, kind, from, to), PageRequest.of(page, size),
                Caller.current())
                .map(m -> MeetingResponse.summary(m, viewer)));
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move a meeting to another time (coordinators)")
    public MeetingResponse reschedule(@PathVariable String id, @Valid @RequestBody RescheduleMeetingRequest request,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        // a local start is read in the new time zone if one is sent, else in the meeting's own
        return MeetingResponse.summary(service.reschedule(id, meetingZone -> request.startsAt() != null
                ? request.startsAt().toInstant() : MeetingStart.resolve(null, request.localStart(), meetingZone),
                request.timeZone(), request.durationMinutes(), Caller.current()), viewer(zone));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a meeting (coordinators)")
    public MeetingResponse cancel(@PathVariable String id,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        return MeetingResponse.summary(service.cancel(id, Caller.current()), viewer(zone));
    }

    @PostMapping("/{id}/invitations")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Invite people to a meeting, by id or by filter (coordinators)")
    public MeetingInvitationsResponse invite(@PathVariable String id,
            @Valid @RequestBody MeetingInvitationsRequest request) {
        Caller caller = Caller.current();
        MeetingService.Invitations result = request.personIds() != null
                ? service.invite(id, request.personIds(), caller)
                : service.invite(id, request.filter().toPersonFilter(), caller);
        return new MeetingInvitationsResponse(id, result.invited(), result.alreadyInvited(),
                result.meeting().invitees().size());
    }

    /**
     * The caller answers for themself; {@code personId} may be left out, and if given must be the
     * caller (403 otherwise: nobody answers for someone else, not even a coordinator). A caller with no
     * role who is not invited gets the 404 of an unknown meeting; members get 422 "not invited".
     */
    @PostMapping("/{id}/rsvp")
    @Operation(summary = "Answer a meeting invitation for oneself")
    public MeetingResponse rsvp(@PathVariable String id, @Valid @RequestBody RsvpRequest request,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        return MeetingResponse.summary(service.rsvp(id, request.personId(), request.response(), Caller.current()),
                viewer(zone));
    }

    @PostMapping("/{id}/attendance")
    @Operation(summary = "Record who attended, after the start (coordinators)")
    public MeetingResponse attendance(@PathVariable String id, @Valid @RequestBody AttendanceRequest request,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        return MeetingResponse.full(service.recordAttendance(id, request.attendeeIds(), Caller.current()), viewer(zone));
    }

    @PutMapping("/{id}/minutes")
    @Operation(summary = "Write the minutes (coordinators)")
    public MeetingResponse minutes(@PathVariable String id, @Valid @RequestBody MinutesRequest request,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        return MeetingResponse.full(service.recordMinutes(id, request.text(), Caller.current()), viewer(zone));
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "Record a decision, e.g. target institutions from the research catalogue (coordinators)")
    @ApiResponse(responseCode = "201", description = "Decision recorded", useReturnTypeSchema = true)
    public ResponseEntity<MeetingResponse> decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.TIME_ZONE) String zone) {
        Meeting meeting = service.decide(id, request.kind(), request.institutionIds(), request.text(),
                Caller.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(MeetingResponse.full(meeting, viewer(zone)));
    }

    private static ZoneId viewer(String zone) {
        return zone == null ? null : ZoneId.of(zone.strip());
    }
}
