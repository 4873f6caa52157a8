package org.civictaskforce.membership.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.civictaskforce.contracts.membership.MeetingAttendanceRecorded;
import org.civictaskforce.contracts.membership.MeetingCancelled;
import org.civictaskforce.contracts.membership.MeetingDecisionRecorded;
import org.civictaskforce.contracts.membership.MeetingInvitationSent;
import org.civictaskforce.contracts.membership.MeetingMinutesRecorded;
import org.civictaskforce.contracts.membership.MeetingRescheduled;
import org.civictaskforce.contracts.membership.MeetingRsvpRecorded;
import org.civictaskforce.contracts.membership.MeetingScheduled;
import org.civictaskforce.contracts.membership.TargetInstitutionsDecided;
import org.civictaskforce.platform.problem.ConflictException;

/**
 * A meeting (convening) of the Working Group: an instant and the IANA zone it is held in, invitees
 * and their answers, attendance, minutes and decisions.
 *
 * <p>Rules: a meeting is scheduled and rescheduled into the future only; a cancelled or held meeting
 * cannot be rescheduled or cancelled; only invitees answer, and not once the meeting is cancelled or
 * held; attendance, minutes and decisions come after the start. Behaviour returns the events it
 * raises; they carry ids and facts, never names or the online link.
 */
public final class Meeting {
    public static final int TITLE_MAX = 200;
    public static final int PURPOSE_MAX = 2000;
    public static final int AGENDA_MAX = 30;
    public static final int AGENDA_ITEM_MAX = 300;
    public static final int DURATION_MAX = 1440;
    public static final int LINK_MAX = 500;
    public static final int INVITEES_MAX = 1000;
    public static final int MINUTES_MAX = 50_000;
    public static final int DECISION_TEXT_MAX = 2000;
    public static final int INSTITUTIONS_MAX = 50;
    public static final int DECISIONS_MAX = 100;
    /** The institution id form of research-service's catalogue (and of the event's schema). */
    public static final Pattern INSTITUTION_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,79}$");

    private final String id;
    private final MeetingKind kind;
    private final String title;
    private final String purpose;
    private final List<String> agenda;
    private final String onlineLink;
    private final Instant scheduledAt;
    private Instant startsAt;
    private ZoneId timeZone;
    private int durationMinutes;
    private MeetingStatus status;
    private Instant cancelledAt;
    /** The calendar entry's SEQUENCE: one more at each move and at cancellation. */
    private int calendarSequence;
    private final Map<String, Invitee> invitees = new LinkedHashMap<>();
    private Attendance attendance;
    private Minutes minutes;
    private final List<Decision> decisions = new ArrayList<>();

    private Meeting(String id, MeetingKind kind, String title, String purpose, List<String> agenda,
            String onlineLink, Instant scheduledAt, Instant startsAt, ZoneId timeZone, int durationMinutes,
            MeetingStatus status) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = kind;
        this.title = title;
        this.purpose = purpose;
        this.agenda = List.copyOf(agenda);
        this.onlineLink = onlineLink;
        this.scheduledAt = scheduledAt;
        this.startsAt = startsAt;
        this.timeZone = timeZone;
        this.durationMinutes = durationMinutes;
        this.status = status;
    }

    public record Scheduling(Meeting meeting, MeetingScheduled event) {
    }

    /** Schedules a meeting; checks every detail. The start must lie in the future. */
    public static Scheduling schedule(String id, NewMeeting details, Instant now) {
        Objects.requireNonNull(details, "details");
        String title = details.title() == null ? "" : details.title().strip();
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            throw new InvalidMeetingException("title", "is required (at most " + TITLE_MAX + " characters)");
        }
        String purpose = blankToNull(details.purpose());
        if (purpose != null && purpose.length() > PURPOSE_MAX) {
            throw new InvalidMeetingException("purpose", "must be at most " + PURPOSE_MAX + " characters");
        }
        if (details.kind() == null) {
            throw new InvalidMeetingException("kind", "is required");
        }
        List<String> agenda = new ArrayList<>();
        for (String item : details.agenda() == null ? List.<String>of() : details.agenda()) {
            if (item == null || item.isBlank() || item.strip().length() > AGENDA_ITEM_MAX) {
                throw new InvalidMeetingException("agenda", "items must be 1-" + AGENDA_ITEM_MAX + " characters");
            }
            agenda.add(item.strip());
        }
        if (agenda.size() > AGENDA_MAX) {
            throw new InvalidMeetingException("agenda", "must have at most " + AGENDA_MAX + " items");
        }
        String link = blankToNull(details.onlineLink());
        if (link != null && !isOnlineLink(link)) {
            throw new InvalidMeetingException("onlineLink", "must be an https address");
        }
        ZoneId zone = zone(details.timeZone());
        requireFutureStart(details.startsAt(), now);
        requireDuration(details.durationMinutes());
        Meeting meeting = new Meeting(id, details.kind(), title, purpose, agenda, link, now, details.startsAt(), zone,
                details.durationMinutes(), MeetingStatus.SCHEDULED);
        return new Scheduling(meeting, new MeetingScheduled(id, details.kind().name(), title, details.startsAt(),
                zone.getId(), details.durationMinutes(), now));
    }

    /** Rebuilds a meeting from storage; the stored state was checked when it was decided. */
    public static Meeting restore(String id, MeetingKind kind, String title, String purpose, List<String> agenda,
            String onlineLink, Instant scheduledAt, Instant startsAt, String timeZone, int durationMinutes,
            MeetingStatus status, Instant cancelledAt, List<Invitee> invitees, Attendance attendance,
            Minutes minutes, List<Decision> decisions) {
        return restore(id, kind, title, purpose, agenda, onlineLink, scheduledAt, startsAt, timeZone, durationMinutes,
                status, cancelledAt, invitees, attendance, minutes, decisions, 0);
    }

    /** Rebuilds a meeting from storage, with its calendar sequence. */
    public static Meeting restore(String id, MeetingKind kind, String title, String purpose, List<String> agenda,
            String onlineLink, Instant scheduledAt, Instant startsAt, String timeZone, int durationMinutes,
            MeetingStatus status, Instant cancelledAt, List<Invitee> invitees, Attendance attendance,
            Minutes minutes, List<Decision> decisions, int calendarSequence) {
        Meeting meeting = new Meeting(id, kind, title, purpose, agenda == null ? List.of() : agenda, onlineLink,
                scheduledAt, startsAt, ZoneId.of(timeZone), durationMinutes, status);
        meeting.cancelledAt = cancelledAt;
        meeting.calendarSequence = calendarSequence;
        if (invitees != null) {
            invitees.forEach(i -> meeting.invitees.put(i.personId(), i));
        }
        meeting.attendance = attendance;
        meeting.minutes = minutes;
        if (decisions != null) {
            meeting.decisions.addAll(decisions);
        }
        return meeting;
    }

    /** An IANA region id (Asia/Bishkek, Europe/Berlin, UTC); fixed offsets such as +06:00 are refused. */
    public static ZoneId zone(String timeZone) {
        if (!PersonRules.isTimeZone(timeZone)) {
            throw new InvalidMeetingException("timeZone", "must be an IANA time zone id such as Asia/Bishkek");
        }
        return ZoneId.of(timeZone.strip());
    }

    public static boolean isOnlineLink(String link) {
        try {
            URI uri = URI.create(link.strip());
            return "https".equals(uri.getScheme()) && uri.getHost() != null && link.length() <= LINK_MAX;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Moves the meeting to a new start (and optionally zone and duration).
     *
     * @param timeZone the new zone, or {@code null} to keep the current one
     * @param durationMinutes the new duration, or {@code null} to keep it
     */
    public MeetingRescheduled reschedule(Instant newStart, String timeZone, Integer durationMinutes, Instant now) {
        requireStatus("be rescheduled", MeetingStatus.SCHEDULED);
        ZoneId zone = timeZone == null ? this.timeZone : zone(timeZone);
        requireFutureStart(newStart, now);
        int duration = durationMinutes == null ? this.durationMinutes : durationMinutes;
        requireDuration(duration);
        Instant previous = startsAt;
        startsAt = newStart;
        this.timeZone = zone;
        this.durationMinutes = duration;
        calendarSequence++;
        return new MeetingRescheduled(id, previous, newStart, zone.getId(), duration, now, calendarSequence);
    }

    public MeetingCancelled cancel(Instant now) {
        requireStatus("be cancelled", MeetingStatus.SCHEDULED);
        status = MeetingStatus.CANCELLED;
        cancelledAt = now;
        calendarSequence++;
        return new MeetingCancelled(id, now);
    }

    /**
     * Invites people; someone already invited is left as they are (no event), so inviting twice is
     * harmless.
     *
     * @return one event per newly invited person, in the order given
     */
    public List<MeetingInvitationSent> invite(Collection<String> personIds, Instant now) {
        requireStatus("take invitations", MeetingStatus.SCHEDULED);
        Set<String> fresh = new LinkedHashSet<>(personIds);
        fresh.removeAll(invitees.keySet());
        if (invitees.size() + fresh.size() > INVITEES_MAX) {
            throw new InvalidMeetingException("invitees", "must be at most " + INVITEES_MAX + " per meeting");
        }
        List<MeetingInvitationSent> events = new ArrayList<>();
        for (String personId : fresh) {
            invitees.put(personId, new Invitee(personId, now, null, null));
            events.add(new MeetingInvitationSent(id, personId, startsAt, timeZone.getId(), now));
        }
        return events;
    }

    /** An invitee answers; only invitees may, and not once the meeting is cancelled or held. */
    public MeetingRsvpRecorded rsvp(String personId, RsvpResponse response, Instant now) {
        requireStatus("take answers", MeetingStatus.SCHEDULED);
        Objects.requireNonNull(response, "response");
        if (!invitees.containsKey(personId)) {
            throw new InvalidMeetingException("personId", "is not invited to this meeting");
        }
        invitees.put(personId, new Invitee(personId, invitees.get(personId).invitedAt(), response, now));
        return new MeetingRsvpRecorded(id, personId, response.name(), now);
    }

    /**
     * Records who attended, after the start; the meeting is then HELD. Recording again replaces the
     * list (a correction). The organisations are those the attendees are affiliated with; the
     * countries are the attendees' and those organisations'.
     */
    public MeetingAttendanceRecorded recordAttendance(List<Attendee> attendees, Instant now) {
        requireStatus("record attendance", MeetingStatus.SCHEDULED, MeetingStatus.HELD);
        requireStarted("attendance", now);
        Set<String> people = new LinkedHashSet<>();
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> countries = new TreeSet<>();
        for (Attendee attendee : attendees) {
            people.add(attendee.personId());
            organisations.addAll(attendee.organisationIds());
            if (attendee.country() != null) {
                countries.add(attendee.country());
            }
            countries.addAll(attendee.organisationCountries());
        }
        if (people.isEmpty()) {
            throw new InvalidMeetingException("attendeeIds", "must name at least one person");
        }
        attendance = new Attendance(List.copyOf(people), List.copyOf(organisations), List.copyOf(countries), now);
        status = MeetingStatus.HELD;
        return new MeetingAttendanceRecorded(id, attendance.attendeeIds(), attendance.organisationIds(), now);
    }

    public MeetingMinutesRecorded recordMinutes(String text, Instant now) {
        requireStatus("take minutes", MeetingStatus.SCHEDULED, MeetingStatus.HELD);
        requireStarted("minutes", now);
        if (text == null || text.isBlank() || text.length() > MINUTES_MAX) {
            throw new InvalidMeetingException("text", "is required (at most " + MINUTES_MAX + " characters)");
        }
        minutes = new Minutes(text.strip(), now);
        return new MeetingMinutesRecorded(id, now);
    }

    /**
     * Records a decision, after the start. TARGET_INSTITUTIONS needs institution ids and raises both
     * the general decision event and {@link TargetInstitutionsDecided}; GENERAL needs text.
     */
    public List<Object> decide(String decisionId, DecisionKind kind, List<String> institutionIds, String text,
            Instant now) {
        requireStatus("take decisions", MeetingStatus.SCHEDULED, MeetingStatus.HELD);
        requireStarted("decisions", now);
        if (kind == null) {
            throw new InvalidMeetingException("kind", "is required");
        }
        if (decisions.size() >= DECISIONS_MAX) {
            throw new InvalidMeetingException("decisions", "must be at most " + DECISIONS_MAX + " per meeting");
        }
        String body = blankToNull(text);
        if (body != null && body.length() > DECISION_TEXT_MAX) {
            throw new InvalidMeetingException("text", "must be at most " + DECISION_TEXT_MAX + " characters");
        }
        if (kind == DecisionKind.GENERAL) {
            if (body == null) {
                throw new InvalidMeetingException("text", "is required for a GENERAL decision");
            }
            decisions.add(new Decision(decisionId, kind, List.of(), body, now));
            return List.of(new MeetingDecisionRecorded(id, decisionId, kind.name(), now));
        }
        Set<String> institutions = new LinkedHashSet<>();
        for (String institution : institutionIds == null ? List.<String>of() : institutionIds) {
            if (institution == null || !INSTITUTION_ID.matcher(institution.strip()).matches()) {
                throw new InvalidMeetingException("institutionIds",
                        "must be institution ids of lower-case letters, digits and dashes, e.g. wb or ifc-miga");
            }
            institutions.add(institution.strip());
        }
        if (institutions.isEmpty() || institutions.size() > INSTITUTIONS_MAX) {
            throw new InvalidMeetingException("institutionIds", "must name 1-" + INSTITUTIONS_MAX + " institutions");
        }
        List<String> ids = List.copyOf(institutions);
        decisions.add(new Decision(decisionId, kind, ids, body, now));
        return List.of(new MeetingDecisionRecorded(id, decisionId, kind.name(), now),
                new TargetInstitutionsDecided(id, decisionId, ids, now));
    }

    private void requireStatus(String action, MeetingStatus... allowed) {
        if (!List.of(allowed).contains(status)) {
            throw new ConflictException("Meeting " + id + " cannot " + action + ": it is " + status + ".");
        }
    }

    private void requireStarted(String what, Instant now) {
        if (now.isBefore(startsAt)) {
            throw new ConflictException("Meeting " + id + " has not started yet: " + what + " come after the start.");
        }
    }

    private static void requireFutureStart(Instant start, Instant now) {
        if (start == null) {
            throw new InvalidMeetingException("startsAt", "is required");
        }
        if (!start.isAfter(now)) {
            throw new InvalidMeetingException("startsAt", "must be in the future");
        }
    }

    private static void requireDuration(int minutes) {
        if (minutes < 1 || minutes > DURATION_MAX) {
            throw new InvalidMeetingException("durationMinutes", "must be 1-" + DURATION_MAX);
        }
    }

    /** Marks an erased person's place in invitee and attendance lists: counts stay, the person does not. */
    public static final String ERASED_PREFIX = "erased-";

    /**
     * Forgets an erased person: their invitation (with its answer) and their attendance stay as
     * entries under {@code anonymousId}, so the number invited, the answers and attendance stay right,
     * but nothing names them. Organisations and countries of a held meeting stay (they are aggregates).
     *
     * @return whether anything changed
     */
    public boolean forget(String personId, String anonymousId) {
        if (!anonymousId.startsWith(ERASED_PREFIX)) {
            throw new IllegalArgumentException("anonymous ids start with " + ERASED_PREFIX);
        }
        boolean changed = false;
        if (invitees.containsKey(personId)) {
            Map<String, Invitee> renamed = new LinkedHashMap<>();
            invitees.forEach((key, invitee) -> renamed.put(key.equals(personId) ? anonymousId : key,
                    key.equals(personId)
                            ? new Invitee(anonymousId, invitee.invitedAt(), invitee.response(), invitee.answeredAt())
                            : invitee));
            invitees.clear();
            invitees.putAll(renamed);
            changed = true;
        }
        if (attendance != null && attendance.attendeeIds().contains(personId)) {
            attendance = new Attendance(attendance.attendeeIds().stream()
                    .map(id -> id.equals(personId) ? anonymousId : id).toList(), attendance.organisationIds(),
                    attendance.countries(), attendance.recordedAt());
            changed = true;
        }
        return changed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String id() {
        return id;
    }

    public MeetingKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    public List<String> agenda() {
        return agenda;
    }

    /** Shown to invitees and coordinators only (the web layer checks the caller). */
    public String onlineLink() {
        return onlineLink;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public MeetingStatus status() {
        return status;
    }

    /** 0 when scheduled, one more at each move and at cancellation: the SEQUENCE of its calendar entry. */
    public int calendarSequence() {
        return calendarSequence;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public List<Invitee> invitees() {
        return List.copyOf(invitees.values());
    }

    public boolean isInvited(String personId) {
        return invitees.containsKey(personId);
    }

    public Attendance attendance() {
        return attendance;
    }

    public Minutes minutes() {
        return minutes;
    }

    public List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    @Override
    public String toString() {
        return "Meeting[id=" + id + ", status=" + status + "]";
    }
}
