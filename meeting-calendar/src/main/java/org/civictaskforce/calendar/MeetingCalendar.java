package org.civictaskforce.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The one place that turns a meeting into iCalendar text (RFC 5545), written by ical4j: one VEVENT with
 * UID {@code <meetingId>@civic-taskforce}, DTSTART/DTEND as wall-clock time with {@code TZID=} the
 * meeting's IANA zone and that zone's VTIMEZONE (from ical4j's bundled tz data, never fetched: see
 * {@code ical4j.properties}), SEQUENCE, STATUS ({@code CONFIRMED} or {@code CANCELLED}) and, where given,
 * the online link as LOCATION and URL.
 *
 * <p>{@link #download} is a {@code METHOD:PUBLISH} calendar (a copy to keep); {@link #invitation} a
 * {@code METHOD:REQUEST} one (RFC 5546 iTIP) with ORGANIZER and the one ATTENDEE it is sent to, which mail
 * clients show as an invitation and update in place when a later SEQUENCE arrives. Stateless, thread-safe.
 */
public final class MeetingCalendar {
    /** The media type of the text (add {@code ; method=REQUEST} for an invitation in mail). */
    public static final String MEDIA_TYPE = "text/calendar";
    public static final String UID_DOMAIN = "civic-taskforce";
    private static final ProdId PRODUCT = new ProdId("-//Civic Taskforce//Meetings 1.0//EN");
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private MeetingCalendar() {
    }

    /** A calendar to download and keep: {@code METHOD:PUBLISH}, no organizer or attendee. */
    public static String download(CalendarEntry entry) {
        return write(ImmutableMethod.PUBLISH, event(entry));
    }

    /**
     * An invitation (or its update after a move) for one person: {@code METHOD:REQUEST}, ORGANIZER the
     * sending address, ATTENDEE the recipient with {@code RSVP=FALSE} (answers are given in the workspace,
     * not by mail to a no-reply address).
     *
     * @param organizerEmail the address the mail comes from
     * @param attendeeEmail  the recipient's address
     * @param attendeeName   their display name, or {@code null}
     */
    public static String invitation(CalendarEntry entry, String organizerEmail, String organizerName,
            String attendeeEmail, String attendeeName) {
        Entry built = event(entry);
        VEvent event = built.event();
        List<Parameter> organizer = new ArrayList<>();
        if (organizerName != null && !organizerName.isBlank()) {
            organizer.add(new Cn(organizerName));
        }
        event.add(new Organizer(new ParameterList(organizer), mailto(organizerEmail)));
        List<Parameter> attendee = new ArrayList<>(List.of(Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.FALSE));
        if (attendeeName != null && !attendeeName.isBlank()) {
            attendee.add(new Cn(attendeeName));
        }
        event.add(new Attendee(new ParameterList(attendee), mailto(attendeeEmail)));
        return write(ImmutableMethod.REQUEST, built);
    }

    /** {@code <meetingId>@civic-taskforce}: stable across versions, so calendars update the same entry. */
    public static String uid(String meetingId) {
        return meetingId + "@" + UID_DOMAIN;
    }

    /**
     * A file name safe in a {@code Content-Disposition} header and on every file system: the title's letters
     * and digits (any script is kept out: ASCII only), dashes for the rest, at most 60 characters, then
     * {@code .ics}; {@code meeting.ics} when nothing is left.
     */
    public static String fileName(String title) {
        String base = title == null ? "" : java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        return (base.isEmpty() ? "meeting" : base) + ".ics";
    }

    private static Entry event(CalendarEntry entry) {
        TimeZone zone = ZONES.getTimeZone(entry.timeZone());
        if (zone == null) {
            throw new IllegalArgumentException("no time zone definition for " + entry.timeZone());
        }
        ZoneId zoneId = ZoneId.of(entry.timeZone());
        ZonedDateTime start = entry.startsAt().atZone(zoneId);
        ZonedDateTime end = start.plus(Duration.ofMinutes(entry.durationMinutes()));
        VEvent event = new VEvent(false);
        event.add(new DtStamp(entry.stamp().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Uid(uid(entry.meetingId())));
        // Wall-clock times computed here with the JDK's zone rules and written with TZID as they are: ical4j,
        // given a ZonedDateTime, converts it through rules it derives from the VTIMEZONE, and derives them
        // wrongly for Asia/Almaty since its 2024 move to UTC+5 (16:00 instead of 14:00; MeetingCalendarTest).
        event.add(new DtStart<LocalDateTime>(new ParameterList(List.of(new TzId(zone.getID()))),
                start.toLocalDateTime()));
        event.add(new DtEnd<LocalDateTime>(new ParameterList(List.of(new TzId(zone.getID()))), end.toLocalDateTime()));
        event.add(new Summary(entry.title()));
        event.add(new Sequence(entry.sequence()));
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(ImmutableTransp.OPAQUE);
        if (entry.onlineLink() != null) {
            event.add(new Location(entry.onlineLink().toString()));
            event.add(new Url(entry.onlineLink()));
        }
        return new Entry(event, zone);
    }

    /** The event and its zone, whose definition travels with it so every client shows the meeting's wall-clock time. */
    private record Entry(VEvent event, TimeZone zone) {
    }

    private static String write(Method method, Entry entry) {
        Calendar calendar = new Calendar();
        calendar.add(PRODUCT);
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(entry.zone().getVTimeZone());
        calendar.add(entry.event());
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static URI mailto(String email) {
        if (email == null || email.isBlank() || email.contains(":")) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        return URI.create("mailto:" + email.strip().replace(" ", "%20"));
    }
}
