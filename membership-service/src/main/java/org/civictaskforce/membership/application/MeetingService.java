package org.civictaskforce.membership.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.civictaskforce.contracts.membership.MeetingInvitationSent;
import org.civictaskforce.membership.domain.Attendee;
import org.civictaskforce.membership.domain.DecisionKind;
import org.civictaskforce.membership.domain.InvalidMeetingException;
import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingFilter;
import org.civictaskforce.membership.domain.NewMeeting;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.membership.domain.RsvpResponse;
import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Use cases on meetings. Each command loads the meeting, lets the aggregate decide, and saves the
 * new state with the events it raised in one document write; the outbox relay publishes them.
 */
@Service
public class MeetingService {
    private static final String MEETING = "Meeting";

    private final MeetingStore meetings;
    private final AttendeeQueries people;
    private final PersonStore personQueries;
    private final InstitutionReadModel catalogue;
    private final Clock clock;

    public MeetingService(MeetingStore meetings, AttendeeQueries people, PersonStore personQueries,
            InstitutionReadModel catalogue, Clock clock) {
        this.meetings = meetings;
        this.people = people;
        this.personQueries = personQueries;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Meeting schedule(NewMeeting details, Caller caller) {
        caller.requireCoordinator();
        Meeting.Scheduling scheduling = Meeting.schedule(UUID.randomUUID().toString(), details, clock.instant());
        meetings.insert(scheduling.meeting(), List.of(scheduling.event()));
        return scheduling.meeting();
    }

    /** The answer for a meeting that does not exist, also given where a caller may not know it does. */
    public static NotFoundException notFound(String id) {
        return new NotFoundException(MEETING, id);
    }

    /** A meeting as this caller reads it: {@code full} (online link, invitees …) or the summary. */
    public record Read(Meeting meeting, boolean full) {
    }

    /**
     * Who reads a meeting how: coordinators and invitees in full, other members the summary; a caller with no role
     * who is not invited gets the 404 of an unknown meeting.
     */
    public Read read(String id, Caller caller) {
        Meeting meeting = load(id).value();
        if (caller.isCoordinator() || meeting.isInvited(caller.subject())) {
            return new Read(meeting, true);
        }
        if (caller.roles().isEmpty()) {
            throw notFound(id);
        }
        return new Read(meeting, false);
    }

    public Page<Meeting> search(MeetingFilter filter, Pageable pageable, Caller caller) {
        MemberAccess.requireMember(caller);
        return meetings.search(filter, pageable);
    }

    /**
     * Moves a meeting (coordinators); {@code localStart}, when given instead of {@code startsAt}, is read in the new
     * time zone, else in the meeting's own.
     */
    public Meeting reschedule(String id, java.util.function.Function<java.time.ZoneId, Instant> startIn,
            String timeZone, Integer durationMinutes, Caller caller) {
        caller.requireCoordinator();
        return change(id, (meeting, now) -> List.of(meeting.reschedule(startIn.apply(timeZone != null
                ? java.time.ZoneId.of(timeZone.strip()) : meeting.timeZone()), timeZone, durationMinutes, now)));
    }

    public Meeting cancel(String id, Caller caller) {
        caller.requireCoordinator();
        return change(id, (meeting, now) -> List.of(meeting.cancel(now)));
    }

    /** What an invitation command did: who was invited now, and how many were invited before. */
    public record Invitations(Meeting meeting, List<String> invited, List<String> alreadyInvited) {
    }

    /**
     * Invites the given people; every id must name a person (otherwise nothing happens and the answer
     * is a 422 problem).
     */
    public Invitations invite(String id, List<String> personIds, Caller caller) {
        caller.requireCoordinator();
        Set<String> ids = new LinkedHashSet<>(personIds);
        Set<String> unknown = new LinkedHashSet<>(ids);
        unknown.removeAll(people.people(ids).keySet());
        if (!unknown.isEmpty()) {
            throw new InvalidMeetingException("personIds", "name " + unknown.size() + " unknown people");
        }
        return inviteExisting(id, ids);
    }

    /** Invites the people a filter selects now (later matches are not invited automatically). */
    public Invitations invite(String id, PersonFilter filter, Caller caller) {
        caller.requireCoordinator();
        load(id); // 404 before resolving the filter
        return inviteExisting(id, new LinkedHashSet<>(personQueries.idsMatching(filter, Meeting.INVITEES_MAX + 1)));
    }

    private Invitations inviteExisting(String id, Set<String> personIds) {
        return OptimisticRetry.run(() -> {
            Versioned<Meeting> loaded = load(id);
            Meeting meeting = loaded.value();
            List<MeetingInvitationSent> events = meeting.invite(personIds, clock.instant());
            List<String> invited = events.stream().map(MeetingInvitationSent::personId).toList();
            List<String> already = personIds.stream().filter(p -> !invited.contains(p)).toList();
            if (!events.isEmpty()) {
                meetings.update(loaded, events);
            }
            return new Invitations(meeting, invited, already);
        });
    }

    /**
     * The invitee answers for themself ({@code personId}, if sent, must be the caller); a caller with no role who is
     * not invited gets the 404 of an unknown meeting, a member who is not invited the meeting's 422.
     */
    public Meeting rsvp(String id, String personId, RsvpResponse response, Caller caller) {
        caller.require(personId == null || caller.is(personId.strip()),
                "Only the invitee themself may answer an invitation.");
        if (caller.roles().isEmpty() && !load(id).value().isInvited(caller.subject())) {
            throw notFound(id);
        }
        String invitee = caller.subject();
        return change(id, (meeting, now) -> List.of(meeting.rsvp(invitee, response, now)));
    }

    /** Records attendance; every id must name a person (422 otherwise). */
    public Meeting recordAttendance(String id, List<String> attendeeIds, Caller caller) {
        caller.requireCoordinator();
        Set<String> ids = new LinkedHashSet<>(attendeeIds);
        Map<String, Attendee> found = people.people(ids);
        if (found.size() != ids.size()) {
            throw new InvalidMeetingException("attendeeIds", "name " + (ids.size() - found.size()) + " unknown people");
        }
        List<Attendee> attendees = new ArrayList<>(found.values());
        return change(id, (meeting, now) -> List.of(meeting.recordAttendance(attendees, now)));
    }

    public Meeting recordMinutes(String id, String text, Caller caller) {
        caller.requireCoordinator();
        return change(id, (meeting, now) -> List.of(meeting.recordMinutes(text, now)));
    }

    /**
     * Records a decision; target institutions must be in research's catalogue as this service knows it
     * from {@code InstitutionCatalogued} (422 naming the unknown ids otherwise, and nothing is stored).
     */
    public Meeting decide(String id, DecisionKind kind, List<String> institutionIds, String text, Caller caller) {
        caller.requireCoordinator();
        if (kind == DecisionKind.TARGET_INSTITUTIONS && institutionIds != null) {
            load(id); // 404 first
            List<String> unknown = catalogue.unknown(institutionIds);
            if (!unknown.isEmpty()) {
                throw new InvalidMeetingException("institutionIds",
                        "name institutions not in the research catalogue: " + String.join(", ", unknown));
            }
        }
        String decisionId = UUID.randomUUID().toString();
        return change(id, (meeting, now) -> meeting.decide(decisionId, kind, institutionIds, text, now));
    }

    private Meeting change(String id, BiFunction<Meeting, Instant, List<?>> decision) {
        return OptimisticRetry.run(() -> {
            Versioned<Meeting> loaded = load(id);
            Meeting meeting = loaded.value();
            meetings.update(loaded, decision.apply(meeting, clock.instant()));
            return meeting;
        });
    }

    private Versioned<Meeting> load(String id) {
        return meetings.find(id).orElseThrow(() -> notFound(id));
    }
}
