package org.civictaskforce.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.civictaskforce.contracts.membership.MeetingAttendanceRecorded;
import org.civictaskforce.contracts.membership.MeetingDecisionRecorded;
import org.civictaskforce.contracts.membership.MeetingInvitationSent;
import org.civictaskforce.contracts.membership.MeetingRescheduled;
import org.civictaskforce.contracts.membership.MeetingRsvpRecorded;
import org.civictaskforce.contracts.membership.MeetingScheduled;
import org.civictaskforce.contracts.membership.TargetInstitutionsDecided;
import org.civictaskforce.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeetingTest {
    static final Instant NOW = Instant.parse("2026-04-01T06:00:00Z");
    /** 15:00 in Bishkek (UTC+6) on 12 May 2026. */
    static final Instant START = Instant.parse("2026-05-12T09:00:00Z");
    static final Instant AFTER_START = START.plus(Duration.ofMinutes(30));

    static NewMeeting details(String zone, Instant start) {
        return new NewMeeting("Choosing our target institutions", "Pick 3-5 institutions", MeetingKind.EXPERT_MEETING,
                List.of("Welcome", "Shortlist", "Vote"), start, zone, 90, "https://meet.example.org/wg-1");
    }

    static Meeting scheduled() {
        return Meeting.schedule("m-1", details("Asia/Bishkek", START), NOW).meeting();
    }

    static Attendee attendee(String id, String country, String... orgs) {
        return new Attendee(id, country, List.of(orgs), List.of());
    }

    @Test
    void schedulingKeepsTheInstantAndTheZoneAndRaisesMeetingScheduled() {
        Meeting.Scheduling scheduling = Meeting.schedule("m-1", details(" Asia/Bishkek ", START), NOW);
        Meeting meeting = scheduling.meeting();

        assertThat(meeting.status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(meeting.timeZone()).isEqualTo(ZoneId.of("Asia/Bishkek"));
        assertThat(LocalDateTime.ofInstant(meeting.startsAt(), meeting.timeZone()))
                .isEqualTo(LocalDateTime.parse("2026-05-12T15:00"));
        assertThat(meeting.endsAt()).isEqualTo(START.plus(Duration.ofMinutes(90)));
        assertThat(meeting.agenda()).containsExactly("Welcome", "Shortlist", "Vote");
        assertThat(scheduling.event()).isEqualTo(new MeetingScheduled("m-1", "EXPERT_MEETING",
                "Choosing our target institutions", START, "Asia/Bishkek", 90, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Asia/Almaty", "Asia/Bishkek", "Asia/Dushanbe", "Asia/Ashgabat", "Asia/Tashkent",
            "Europe/Berlin", "Europe/Vienna", "UTC" })
    void acceptsIanaZones(String zone) {
        assertThat(Meeting.schedule("m", details(zone, START), NOW).meeting().timeZone().getId()).isEqualTo(zone);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Asia/Nowhere", "+06:00", "GMT+6", "bishkek", "" })
    void refusesWhatIsNotAnIanaRegion(String zone) {
        assertThatThrownBy(() -> Meeting.schedule("m", details(zone, START), NOW))
                .isInstanceOf(InvalidMeetingException.class).hasMessageContaining("timeZone");
    }

    @Test
    void refusesAPastStartBadDurationMissingTitleAndPlainHttpLinks() {
        assertThatThrownBy(() -> Meeting.schedule("m", details("Asia/Almaty", NOW), NOW))
                .isInstanceOf(InvalidMeetingException.class).hasMessageContaining("startsAt");
        assertThatThrownBy(() -> Meeting.schedule("m", new NewMeeting("T", null, MeetingKind.OTHER, null, START,
                "Asia/Almaty", 0, null), NOW)).hasMessageContaining("durationMinutes");
        assertThatThrownBy(() -> Meeting.schedule("m", new NewMeeting(" ", null, MeetingKind.OTHER, null, START,
                "Asia/Almaty", 60, null), NOW)).hasMessageContaining("title");
        assertThatThrownBy(() -> Meeting.schedule("m", new NewMeeting("T", null, null, null, START,
                "Asia/Almaty", 60, null), NOW)).hasMessageContaining("kind");
        assertThatThrownBy(() -> Meeting.schedule("m", new NewMeeting("T", null, MeetingKind.OTHER, null, START,
                "Asia/Almaty", 60, "http://meet.example.org/x"), NOW)).hasMessageContaining("onlineLink");
    }

    @Test
    void rescheduleMovesTheStartAndCanChangeZoneAndDuration() {
        Meeting meeting = scheduled();
        Instant later = START.plus(Duration.ofDays(1));
        MeetingRescheduled event = meeting.reschedule(later, "Asia/Tashkent", 120, NOW);

        assertThat(event).isEqualTo(new MeetingRescheduled("m-1", START, later, "Asia/Tashkent", 120, NOW, 1));
        assertThat(meeting.startsAt()).isEqualTo(later);
        assertThat(meeting.timeZone().getId()).isEqualTo("Asia/Tashkent");
        MeetingRescheduled kept = meeting.reschedule(later.plusSeconds(60), null, null, NOW);
        assertThat(kept.timeZone()).isEqualTo("Asia/Tashkent");
        assertThat(kept.durationMinutes()).isEqualTo(120);
        assertThat(kept.sequence()).as("the calendar entry's SEQUENCE grows with each move").isEqualTo(2);
        assertThat(meeting.calendarSequence()).isEqualTo(2);
        assertThatThrownBy(() -> meeting.reschedule(NOW.minusSeconds(1), null, null, NOW))
                .isInstanceOf(InvalidMeetingException.class);
        assertThat(meeting.calendarSequence()).as("a refused move counts nothing").isEqualTo(2);
        meeting.cancel(NOW);
        assertThat(meeting.calendarSequence()).as("and at cancellation").isEqualTo(3);
    }

    @Test
    void aCancelledMeetingCannotBeRescheduledCancelledInvitedOrAnswered() {
        Meeting meeting = scheduled();
        meeting.invite(List.of("p-1"), NOW);
        assertThat(meeting.cancel(NOW).meetingId()).isEqualTo("m-1");
        assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);

        assertThatThrownBy(() -> meeting.cancel(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.reschedule(START.plusSeconds(60), null, null, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.invite(List.of("p-2"), NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.rsvp("p-1", RsvpResponse.YES, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.recordAttendance(List.of(attendee("p-1", "KG")), AFTER_START))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.decide("d", DecisionKind.GENERAL, null, "x", AFTER_START))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void invitingTwiceIsANoOpAndEachNewInviteeRaisesOneEvent() {
        Meeting meeting = scheduled();
        List<MeetingInvitationSent> first = meeting.invite(List.of("p-1", "p-2", "p-1"), NOW);
        List<MeetingInvitationSent> second = meeting.invite(List.of("p-2", "p-3"), NOW.plusSeconds(5));

        assertThat(first).containsExactly(new MeetingInvitationSent("m-1", "p-1", START, "Asia/Bishkek", NOW),
                new MeetingInvitationSent("m-1", "p-2", START, "Asia/Bishkek", NOW));
        assertThat(second).extracting(MeetingInvitationSent::personId).containsExactly("p-3");
        assertThat(meeting.invitees()).extracting(Invitee::personId).containsExactly("p-1", "p-2", "p-3");
        assertThat(meeting.invitees().get(1).invitedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyInviteesAnswerAndALaterAnswerReplacesTheEarlier() {
        Meeting meeting = scheduled();
        meeting.invite(List.of("p-1"), NOW);

        assertThatThrownBy(() -> meeting.rsvp("p-9", RsvpResponse.YES, NOW))
                .isInstanceOf(InvalidMeetingException.class).hasMessageContaining("not invited");
        assertThat(meeting.rsvp("p-1", RsvpResponse.MAYBE, NOW))
                .isEqualTo(new MeetingRsvpRecorded("m-1", "p-1", "MAYBE", NOW));
        meeting.rsvp("p-1", RsvpResponse.YES, NOW.plusSeconds(1));
        assertThat(meeting.invitees().get(0).response()).isEqualTo(RsvpResponse.YES);
        assertThat(meeting.invitees().get(0).answeredAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void attendanceComesAfterTheStartAndDerivesOrganisationsAndCountries() {
        Meeting meeting = scheduled();
        List<Attendee> attendees = List.of(attendee("p-1", "KG", "o-1"),
                new Attendee("p-2", "KZ", List.of("o-1", "o-2"), List.of("KG", "UZ")), attendee("p-3", "KG"));

        assertThatThrownBy(() -> meeting.recordAttendance(attendees, START.minusSeconds(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not started");
        MeetingAttendanceRecorded event = meeting.recordAttendance(attendees, AFTER_START);

        assertThat(event).isEqualTo(new MeetingAttendanceRecorded("m-1", List.of("p-1", "p-2", "p-3"),
                List.of("o-1", "o-2"), AFTER_START));
        assertThat(meeting.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(meeting.attendance().countries()).containsExactly("KG", "KZ", "UZ");
        // a correction replaces the list; a held meeting is no longer rescheduled, cancelled or answered
        meeting.recordAttendance(List.of(attendee("p-1", "KG")), AFTER_START);
        assertThat(meeting.attendance().attendeeIds()).containsExactly("p-1");
        assertThatThrownBy(() -> meeting.cancel(AFTER_START)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.rsvp("p-1", RsvpResponse.NO, AFTER_START))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.recordAttendance(List.of(), AFTER_START))
                .isInstanceOf(InvalidMeetingException.class);
    }

    @Test
    void minutesAndDecisionsComeAfterTheStart() {
        Meeting meeting = scheduled();
        assertThatThrownBy(() -> meeting.recordMinutes("text", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> meeting.decide("d-1", DecisionKind.GENERAL, null, "x", NOW))
                .isInstanceOf(ConflictException.class);

        assertThat(meeting.recordMinutes("  We met.  ", AFTER_START).meetingId()).isEqualTo("m-1");
        assertThat(meeting.minutes().text()).isEqualTo("We met.");
        meeting.recordMinutes("We met and decided.", AFTER_START.plusSeconds(1));
        assertThat(meeting.minutes().text()).isEqualTo("We met and decided.");
        assertThatThrownBy(() -> meeting.recordMinutes(" ", AFTER_START)).isInstanceOf(InvalidMeetingException.class);
    }

    @Test
    void aTargetInstitutionsDecisionRaisesTheDecisionAndTheTargetEvent() {
        Meeting meeting = scheduled();
        List<Object> events = meeting.decide("d-1", DecisionKind.TARGET_INSTITUTIONS,
                List.of("wb", "ebrd", "wb"), null, AFTER_START);

        assertThat(events).containsExactly(
                new MeetingDecisionRecorded("m-1", "d-1", "TARGET_INSTITUTIONS", AFTER_START),
                new TargetInstitutionsDecided("m-1", "d-1", List.of("wb", "ebrd"), AFTER_START));
        assertThat(meeting.decisions()).hasSize(1);
        assertThat(meeting.decide("d-2", DecisionKind.GENERAL, null, "Meet again in June", AFTER_START))
                .containsExactly(new MeetingDecisionRecorded("m-1", "d-2", "GENERAL", AFTER_START));
        assertThat(meeting.decisions()).extracting(Decision::id).containsExactly("d-1", "d-2");

        assertThatThrownBy(() -> meeting.decide("d", DecisionKind.TARGET_INSTITUTIONS, List.of(), null, AFTER_START))
                .isInstanceOf(InvalidMeetingException.class);
        assertThatThrownBy(() -> meeting.decide("d", DecisionKind.TARGET_INSTITUTIONS, List.of("World Bank"), null,
                AFTER_START)).isInstanceOf(InvalidMeetingException.class);
        assertThatThrownBy(() -> meeting.decide("d", DecisionKind.GENERAL, null, " ", AFTER_START))
                .isInstanceOf(InvalidMeetingException.class);
    }

    @Test
    void restoreGivesBackTheSameMeeting() {
        Meeting meeting = scheduled();
        meeting.invite(List.of("p-1"), NOW);
        meeting.rsvp("p-1", RsvpResponse.YES, NOW);
        Meeting copy = Meeting.restore(meeting.id(), meeting.kind(), meeting.title(), meeting.purpose(),
                meeting.agenda(), meeting.onlineLink(), meeting.scheduledAt(), meeting.startsAt(),
                meeting.timeZone().getId(), meeting.durationMinutes(), meeting.status(), meeting.cancelledAt(),
                meeting.invitees(), meeting.attendance(), meeting.minutes(), meeting.decisions());
        assertThat(copy.invitees()).isEqualTo(meeting.invitees());
        assertThat(copy.isInvited("p-1")).isTrue();
        assertThat(copy.startsAt()).isEqualTo(START);
    }
}
