package org.civictaskforce.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.UUID;

import org.civictaskforce.membership.Api;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.platform.security.TestTokens;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * {@code GET /api/membership/meetings/{id}/calendar.ics}: an RFC 5545 file with the meeting's zone, read
 * back with ical4j; the same access rule as reading the meeting; SEQUENCE and STATUS follow moves and
 * cancellation.
 */
@ServiceTest
class MeetingCalendarApiIT {
    private static final String MEETINGS = "/api/membership/meetings";
    private static final String PEOPLE = "/api/membership/people";

    @LocalServerPort
    int port;

    Api coordinator;

    @BeforeEach
    void client() {
        coordinator = new Api(port);
    }

    private String meeting(String title) {
        return coordinator.expect(201, coordinator.post(MEETINGS, """
                {"title":"%s","kind":"EXPERT_MEETING","localStart":"2031-05-12T15:00","timeZone":"Asia/Bishkek",
                 "durationMinutes":90,"onlineLink":"https://meet.example.org/room-1"}""".formatted(title)))
                .json().get("id").asString();
    }

    private String person() {
        return coordinator.expect(201, coordinator.post(PEOPLE, Api.person("Aibek", "c-" + UUID.randomUUID()
                + "@example.org", "KG", "ky", "Asia/Bishkek"))).json().get("id").asString();
    }

    private static VEvent event(Api.Response response) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void anInviteeDownloadsTheMeetingInItsZoneAndTheFileFollowsMovesAndCancellation() throws Exception {
        String id = meeting("Choosing targets: WB/EBRD");
        String invitee = person();
        coordinator.expect(200, coordinator.post(MEETINGS + "/" + id + "/invitations",
                "{\"personIds\":[\"" + invitee + "\"]}"));
        Api self = coordinator.as(TestTokens.person(invitee));

        Api.Response ics = self.expect(200, self.get(MEETINGS + "/" + id + "/calendar.ics"));
        assertThat(ics.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=utf-8");
        assertThat(ics.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"choosing-targets-wb-ebrd.ics\"");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("METHOD:PUBLISH\r\n")
                .contains("DTSTART;TZID=Asia/Bishkek:20310512T150000\r\n");
        VEvent event = event(ics);
        assertThat(value(event, Property.UID)).isEqualTo(id + "@civic-taskforce");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Choosing targets: WB/EBRD");
        assertThat(value(event, Property.DTEND)).isEqualTo("20310512T163000");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.LOCATION)).as("an invitee sees the link").isEqualTo("https://meet.example.org/room-1");

        coordinator.expect(200, coordinator.post(MEETINGS + "/" + id + "/reschedule",
                "{\"localStart\":\"2031-05-13T10:30\",\"timeZone\":\"Asia/Almaty\"}"));
        VEvent moved = event(self.get(MEETINGS + "/" + id + "/calendar.ics"));
        assertThat(moved.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Almaty");
        assertThat(value(moved, Property.DTSTART)).isEqualTo("20310513T103000");
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(moved, Property.UID)).isEqualTo(id + "@civic-taskforce");

        coordinator.expect(200, coordinator.post(MEETINGS + "/" + id + "/cancel", null));
        VEvent cancelled = event(self.get(MEETINGS + "/" + id + "/calendar.ics"));
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
    }

    @Test
    void whoMayReadTheMeetingMayDownloadItAndOnlyThoseWhoSeeTheLinkGetIt() throws Exception {
        String id = meeting("Встреча экспертов");
        String member = person();

        Api.Response asMember = coordinator.as(TestTokens.bearer(member, Role.MEMBER))
                .get(MEETINGS + "/" + id + "/calendar.ics");
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.header("Content-Disposition")).isEqualTo("attachment; filename=\"meeting.ics\"");
        VEvent event = event(asMember);
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Встреча экспертов");
        assertThat(event.getProperty(Property.LOCATION)).as("not invited: no link, as in the summary").isEmpty();
        assertThat(asMember.body()).doesNotContain("room-1");
        assertThat(value(event(coordinator.get(MEETINGS + "/" + id + "/calendar.ics")), Property.URL))
                .isEqualTo("https://meet.example.org/room-1");

        // no role and not invited: the same 404 as an unknown meeting, as a problem
        Api noRole = coordinator.as(TestTokens.person(person()));
        Api.Response hidden = noRole.get(MEETINGS + "/" + id + "/calendar.ics");
        Api.Response unknown = noRole.get(MEETINGS + "/" + UUID.randomUUID() + "/calendar.ics");
        assertThat(hidden.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(hidden.json().get("title")).isEqualTo(unknown.json().get("title"));
        assertThat(hidden.json().get("type")).isEqualTo(unknown.json().get("type"));
        assertThat(coordinator.get(MEETINGS + "/" + UUID.randomUUID() + "/calendar.ics").status()).isEqualTo(404);
        assertThat(coordinator.as(null).get(MEETINGS + "/" + id + "/calendar.ics").status()).isEqualTo(401);
    }
}
