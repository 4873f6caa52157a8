package org.civictaskforce.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class ErasureTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void erasureLeavesOnlyTheIdRegistrationTimeAndThatConsentExisted() {
        Person person = Person.register("p-1", new NewPerson("Aigerim", "Aigerim Example", "aigerim@example.org", "KZ",
                "ru", "Asia/Almaty"), new Profile(EnumSet.of(GroupRole.EXPERT), List.of("ru"), List.of("water"), true),
                NOW).person();
        person.recordConsent("2026-01", List.of("membership"), NOW);
        person.affiliate(List.of("o-1"));

        Person.Erasure erasure = person.erase(NOW.plusSeconds(5));

        assertThat(erasure.event()).isEqualTo(new PersonErased("p-1", NOW.plusSeconds(5)));
        Person tombstone = erasure.tombstone();
        assertThat(tombstone.id()).isEqualTo("p-1");
        assertThat(tombstone.registeredAt()).isEqualTo(NOW);
        assertThat(tombstone.status()).isEqualTo(MembershipStatus.ERASED);
        assertThat(tombstone.displayName()).isNull();
        assertThat(tombstone.fullName()).isNull();
        assertThat(tombstone.email()).isNull();
        assertThat(tombstone.country()).isNull();
        assertThat(tombstone.preferredLanguage()).isNull();
        assertThat(tombstone.timeZone()).isNull();
        assertThat(tombstone.profile()).isEqualTo(Profile.NONE);
        assertThat(tombstone.affiliations()).isEmpty();
        assertThat(tombstone.consent().agreedTo()).isEmpty();
        assertThat(tombstone.consent().agreedAt()).isEqualTo(NOW);
        assertThat(tombstone.isExpert()).isFalse();
        assertThatThrownBy(() -> tombstone.erase(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tombstone.invite(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tombstone.recordConsent("2026-02", List.of("membership"), NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tombstone.updateProfile(Profile.NONE, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMeetingForgetsAPersonButKeepsTheCounts() {
        Instant start = NOW.plusSeconds(86_400);
        Meeting meeting = Meeting.restore("m-1", MeetingKind.DISCUSSION, "T", null, List.of(), null, NOW, start,
                "Asia/Bishkek", 60, MeetingStatus.HELD, null,
                List.of(new Invitee("p-1", NOW, RsvpResponse.YES, NOW), new Invitee("p-2", NOW, RsvpResponse.NO, NOW)),
                new Attendance(List.of("p-1", "p-2"), List.of("o-1"), List.of("KG"), start), null, List.of());

        assertThat(meeting.forget("p-1", "erased-x")).isTrue();
        assertThat(meeting.forget("p-1", "erased-y")).as("nothing left to forget").isFalse();

        assertThat(meeting.invitees()).extracting(Invitee::personId).containsExactly("erased-x", "p-2");
        assertThat(meeting.invitees()).extracting(Invitee::response).containsExactly(RsvpResponse.YES, RsvpResponse.NO);
        assertThat(meeting.attendance().attendeeIds()).containsExactly("erased-x", "p-2");
        assertThat(meeting.attendance().countries()).containsExactly("KG");
        assertThatThrownBy(() -> meeting.forget("p-2", "p-3")).isInstanceOf(IllegalArgumentException.class);
    }
}
