package org.civictaskforce.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;

/** The builder's output read back with ical4j's parser, as a calendar client would read it. */
class MeetingCalendarTest {
    static final Instant START = Instant.parse("2026-05-12T09:00:00Z"); // 15:00 in Bishkek (UTC+6)
    static final Instant STAMP = Instant.parse("2026-05-01T08:30:00Z");

    static CalendarEntry entry(String zone, int sequence, boolean cancelled) {
        return new CalendarEntry("m-1", "Choosing targets; WB, EBRD", START, zone, 90,
                URI.create("https://meet.example.org/room"), sequence, cancelled, STAMP);
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    /**
     * The UTC offset the parsed VTIMEZONE itself gives at an instant (its observance then). Not through
     * ical4j's ZoneRulesBuilder, which gets Asia/Almaty's 2024 change wrong (+07:00 in 2026).
     */
    static ZoneOffset offsetAt(VTimeZone zone, Instant instant) {
        String offset = zone.getApplicableObservance(instant.atOffset(ZoneOffset.UTC))
                .getProperty(Property.TZOFFSETTO).orElseThrow().getValue();
        return ZoneOffset.of(offset.substring(0, 3) + ":" + offset.substring(3, 5));
    }

    /** The instant a TZID'd DTSTART names, read with the offset of the calendar's own VTIMEZONE. */
    static Instant startOf(Calendar calendar) {
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
        LocalDateTime local = LocalDateTime.from(event.<Temporal>getStartDate().orElseThrow().getDate());
        ZoneOffset guess = offsetAt(zone, local.toInstant(ZoneOffset.UTC));
        return local.toInstant(offsetAt(zone, local.toInstant(guess)));
    }

    @Test
    void anInvitationParsesBackWithUidZoneLocalTimeSequenceAndItsVtimezone() throws Exception {
        String ics = MeetingCalendar.invitation(entry("Asia/Bishkek", 2, false), "no-reply@civic-taskforce.example",
                "Civic Taskforce", "aibek@example.org", "Aibek");

        Calendar calendar = parse(ics);
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo("m-1@civic-taskforce");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Choosing targets; WB, EBRD");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20260501T083000Z");
        assertThat(value(event, Property.LOCATION)).isEqualTo("https://meet.example.org/room");

        DtStart<?> start = event.<Temporal>getStartDate().orElseThrow();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Bishkek");
        assertThat(start.getValue()).as("wall-clock time in Bishkek").isEqualTo("20260512T150000");
        assertThat(value(event, Property.DTEND)).isEqualTo("20260512T163000");
        assertThat(startOf(calendar)).isEqualTo(START);

        VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
        assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Bishkek");
        assertThat(offsetAt(zone, START)).hasToString("+06:00");

        assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:no-reply@civic-taskforce.example");
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:aibek@example.org");
        assertThat(attendee.getParameter("RSVP").orElseThrow().getValue()).isEqualTo("FALSE");
        assertThat(ics).contains("\r\n").as("every line at most 75 octets (folded)")
                .satisfies(text -> assertThat(text.split("\r\n")).allMatch(l -> l.getBytes().length <= 75));
    }

    @Test
    void aDownloadIsPublishedWithoutOrganizerOrAttendeeAndACancelledMeetingSaysSo() throws Exception {
        Calendar calendar = parse(MeetingCalendar.download(entry("Asia/Bishkek", 3, true)));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
        assertThat(event.getProperty(Property.ORGANIZER)).isEmpty();
        assertThat(event.getProperty(Property.ATTENDEE)).isEmpty();

        CalendarEntry noLink = new CalendarEntry("m-2", "Plain", START, "Asia/Tashkent", 60, null, 0, false, STAMP);
        VEvent plain = (VEvent) parse(MeetingCalendar.download(noLink)).getComponent("VEVENT").orElseThrow();
        assertThat(plain.getProperty(Property.LOCATION)).isEmpty();
        assertThat(plain.getProperty(Property.URL)).isEmpty();
        assertThat(value(plain, Property.SEQUENCE)).isEqualTo("0");
    }

    /** Kazakhstan moved to UTC+5 in March 2024: the bundled zone data and the JDK's must agree on it. */
    @Test
    void everyCentralAsianZoneGivesTheSameLocalTimeAsTheJdk() throws Exception {
        for (String zone : new String[] { "Asia/Almaty", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Ashgabat",
                "Asia/Tashkent", "Europe/Berlin", "UTC" }) {
            Calendar calendar = parse(MeetingCalendar.download(entry(zone, 0, false)));
            VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
            DtStart<?> start = event.<Temporal>getStartDate().orElseThrow();
            LocalDateTime expected = START.atZone(ZoneId.of(zone)).toLocalDateTime();
            assertThat(LocalDateTime.from(start.getDate())).as(zone).isEqualTo(expected);
            VTimeZone definition = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
            assertThat(offsetAt(definition, START)).as(zone).isEqualTo(ZoneId.of(zone).getRules().getOffset(START));
            assertThat(startOf(calendar)).as(zone).isEqualTo(START);
        }
        assertThat(START.atZone(ZoneId.of("Asia/Almaty")).getHour()).isEqualTo(14);
    }

    @Test
    void theSameEntryAlwaysGivesTheSameText() {
        assertThat(MeetingCalendar.download(entry("Asia/Bishkek", 1, false)))
                .isEqualTo(MeetingCalendar.download(entry("Asia/Bishkek", 1, false)));
    }

    @Test
    void fileNamesAreSafe() {
        assertThat(MeetingCalendar.fileName("Choosing targets: WB/EBRD \"2026\"")).isEqualTo("choosing-targets-wb-ebrd-2026.ics");
        assertThat(MeetingCalendar.fileName("Встреча экспертов")).isEqualTo("meeting.ics");
        assertThat(MeetingCalendar.fileName("Café ; rm -rf /\r\nX-Header: 1")).isEqualTo("cafe-rm-rf-x-header-1.ics");
        assertThat(MeetingCalendar.fileName("x".repeat(300))).hasSize(64);
        assertThat(MeetingCalendar.fileName(null)).isEqualTo("meeting.ics");
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> new CalendarEntry("m", "t", START, "Mars/Olympus", 60, null, 0, false, STAMP))
                .isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> MeetingCalendar.invitation(entry("Asia/Bishkek", 0, false), "x@y.z", null,
                "evil:header", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
