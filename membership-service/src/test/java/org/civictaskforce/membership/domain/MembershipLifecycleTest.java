package org.civictaskforce.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.civictaskforce.contracts.membership.ConsentRecorded;
import org.civictaskforce.contracts.membership.InvitationAccepted;
import org.civictaskforce.contracts.membership.InvitationDeclined;
import org.civictaskforce.contracts.membership.InvitationExpired;
import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of the working-group membership lifecycle, on the aggregate alone. */
class MembershipLifecycleTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(1));
    private static final Instant LAPSED = NOW.plus(Invitation.VALIDITY);

    private static Person candidate() {
        return Person.register("p-1", new NewPerson("Aigerim", null, "a@example.org", "KZ", "kk", "Asia/Almaty"), NOW)
                .person();
    }

    private static Person invited() {
        Person person = candidate();
        person.invite("inv-1", NOW);
        return person;
    }

    private static Person accepted() {
        Person person = invited();
        person.accept(LATER);
        return person;
    }

    private static Person active() {
        Person person = accepted();
        person.recordConsent("2026-01", List.of("membership"), LATER);
        person.activate(LATER);
        return person;
    }

    /** A person in the given status, reached through the lifecycle. */
    private static Person in(MembershipStatus status) {
        return switch (status) {
            case CANDIDATE -> candidate();
            case INVITED -> invited();
            case ACCEPTED -> accepted();
            case DECLINED -> {
                Person p = invited();
                p.decline(LATER);
                yield p;
            }
            case ACTIVE -> active();
            case LEFT -> {
                Person p = active();
                p.leave(LATER);
                yield p;
            }
            case REMOVED -> {
                Person p = active();
                p.remove(LATER);
                yield p;
            }
            case ERASED -> active().erase(LATER).tombstone();
        };
    }

    @Test
    void acceptingAnOpenInvitationRaisesInvitationAccepted() {
        Person person = invited();
        InvitationAccepted event = person.accept(LATER);
        assertThat(event).isEqualTo(new InvitationAccepted("p-1", "inv-1", LATER));
        assertThat(person.status()).isEqualTo(MembershipStatus.ACCEPTED);
    }

    @Test
    void decliningAnOpenInvitationRaisesInvitationDeclinedAndAllowsANewInvitation() {
        Person person = invited();
        assertThat(person.decline(LATER)).isEqualTo(new InvitationDeclined("p-1", "inv-1", LATER));
        assertThat(person.status()).isEqualTo(MembershipStatus.DECLINED);

        person.invite("inv-2", LATER);
        assertThat(person.status()).isEqualTo(MembershipStatus.INVITED);
        assertThat(person.invitation().invitationId()).isEqualTo("inv-2");
    }

    @Test
    void aLapsedInvitationCanNeitherBeAcceptedNorDeclined() {
        assertThatThrownBy(() -> invited().accept(LAPSED)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> invited().decline(LAPSED)).isInstanceOf(ConflictException.class);
        assertThat(invited().accept(LAPSED.minusMillis(1)).acceptedAt()).isEqualTo(LAPSED.minusMillis(1));
    }

    @Test
    void aLapsedInvitationExpiresBackToCandidateAndCanBeRenewed() {
        Person person = invited();
        assertThat(person.invitationLapsed(LAPSED.minusSeconds(1))).isFalse();
        assertThat(person.invitationLapsed(LAPSED)).isTrue();

        InvitationExpired event = person.expire(LAPSED);

        assertThat(event).isEqualTo(new InvitationExpired("p-1", "inv-1", LAPSED));
        assertThat(person.status()).isEqualTo(MembershipStatus.CANDIDATE);
        assertThat(person.invitation()).isNull();
        person.invite("inv-2", LAPSED);
        assertThat(person.status()).isEqualTo(MembershipStatus.INVITED);
    }

    @Test
    void anInvitationThatHasNotLapsedCannotBeExpired() {
        assertThatThrownBy(() -> invited().expire(LATER)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> candidate().expire(LAPSED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accepted().expire(LAPSED)).isInstanceOf(ConflictException.class);
    }

    @Test
    void activationNeedsRecordedConsent() {
        Person person = accepted();
        assertThatThrownBy(() -> person.activate(LATER)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("consent");
        assertThat(person.status()).isEqualTo(MembershipStatus.ACCEPTED);

        ConsentRecorded consent = person.recordConsent(" 2026-01 ", List.of("Membership", "contact by email"), LATER);
        assertThat(consent).isEqualTo(new ConsentRecorded("p-1", "2026-01", List.of("membership", "contact-by-email"),
                LATER));
        assertThat(person.consent()).isEqualTo(new Consent("2026-01", List.of("membership", "contact-by-email"), LATER));

        MemberActivated activated = person.activate(LATER);
        assertThat(activated.personId()).isEqualTo("p-1");
        assertThat(activated.country()).isEqualTo("KZ");
        assertThat(person.status()).isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void activationCarriesTheRolesInAStableOrder() {
        Person person = accepted();
        person.updateProfile(Profile.of(EnumSet.of(GroupRole.TRANSLATOR, GroupRole.EXPERT), List.of(), List.of(), false),
                LATER);
        person.recordConsent("v1", List.of("membership"), LATER);
        assertThat(person.activate(LATER).roles()).containsExactly("EXPERT", "TRANSLATOR");
    }

    @Test
    void consentNeedsANoticeVersionAndAtLeastOnePurpose() {
        assertThatThrownBy(() -> accepted().recordConsent(" ", List.of("membership"), LATER))
                .isInstanceOf(InvalidPersonException.class).hasMessageContaining("noticeVersion");
        assertThatThrownBy(() -> accepted().recordConsent("v1", List.of(), LATER))
                .isInstanceOf(InvalidPersonException.class).hasMessageContaining("agreedTo");
        assertThatThrownBy(() -> accepted().recordConsent("v1", List.of("не код"), LATER))
                .isInstanceOf(InvalidPersonException.class);
    }

    @ParameterizedTest
    @EnumSource(value = MembershipStatus.class, names = { "LEFT", "REMOVED" })
    void consentCannotBeRecordedOnceGone(MembershipStatus status) {
        assertThatThrownBy(() -> in(status).recordConsent("v1", List.of("membership"), LATER))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void activeAndAcceptedMembersCanLeaveOrBeRemoved() {
        for (MembershipStatus from : List.of(MembershipStatus.ACCEPTED, MembershipStatus.ACTIVE)) {
            Person leaving = in(from);
            assertThat(leaving.leave(LATER)).isEqualTo(new MemberLeft("p-1", LATER));
            assertThat(leaving.status()).isEqualTo(MembershipStatus.LEFT);
            Person removed = in(from);
            assertThat(removed.remove(LATER)).isEqualTo(new MemberRemoved("p-1", LATER));
            assertThat(removed.status()).isEqualTo(MembershipStatus.REMOVED);
        }
    }

    /** Every (status, command) pair that the lifecycle does not allow is a conflict and changes nothing. */
    @ParameterizedTest
    @EnumSource(MembershipStatus.class)
    void impossibleTransitionsAreConflictsThatChangeNothing(MembershipStatus status) {
        record Command(String name, Set<MembershipStatus> allowedFrom, Consumer<Person> run) {
        }
        List<Command> commands = List.of(
                new Command("invite", EnumSet.of(MembershipStatus.CANDIDATE, MembershipStatus.DECLINED),
                        p -> p.invite("inv-x", LATER)),
                new Command("accept", EnumSet.of(MembershipStatus.INVITED), p -> p.accept(LATER)),
                new Command("decline", EnumSet.of(MembershipStatus.INVITED), p -> p.decline(LATER)),
                new Command("activate", EnumSet.of(MembershipStatus.ACCEPTED), p -> {
                    if (p.consent() == null && p.status() == MembershipStatus.ACCEPTED) {
                        p.recordConsent("v1", List.of("membership"), LATER);
                    }
                    p.activate(LATER);
                }),
                new Command("leave", EnumSet.of(MembershipStatus.ACCEPTED, MembershipStatus.ACTIVE),
                        p -> p.leave(LATER)),
                new Command("remove", EnumSet.of(MembershipStatus.ACCEPTED, MembershipStatus.ACTIVE),
                        p -> p.remove(LATER)));
        for (Command command : commands) {
            Person person = in(status);
            if (command.allowedFrom().contains(status)) {
                command.run().accept(person);
                assertThat(person.status()).as(command.name() + " from " + status).isNotEqualTo(status);
            } else {
                assertThatThrownBy(() -> command.run().accept(person)).as(command.name() + " from " + status)
                        .isInstanceOf(ConflictException.class).hasMessageContaining(status.name());
                assertThat(person.status()).isEqualTo(status);
            }
        }
    }

    @Test
    void theProfileIsNormalisedAndItsUpdateIsAnEventWithoutPersonalData() {
        Person person = candidate();
        Profile profile = Profile.of(Set.of(GroupRole.EXPERT), List.of("RU", "kk", "ru"),
                List.of("IFI Safeguards", "fatf"), true);

        PersonProfileUpdated event = person.updateProfile(profile, LATER);

        assertThat(profile.languages()).containsExactly("ru", "kk");
        assertThat(profile.expertise()).containsExactly("ifi-safeguards", "fatf");
        assertThat(event).isEqualTo(new PersonProfileUpdated("p-1", List.of("EXPERT"), List.of("ru", "kk"),
                List.of("ifi-safeguards", "fatf"), true, LATER));
        assertThat(event.toString()).doesNotContain("Aigerim", "a@example.org");
        assertThat(person.isExpert()).isTrue();
    }

    @Test
    void badProfileValuesAreRefused() {
        assertThatThrownBy(() -> Profile.of(Set.of(), List.of("xx"), List.of(), false))
                .isInstanceOf(InvalidPersonException.class).hasMessageContaining("languages");
        assertThatThrownBy(() -> Profile.of(Set.of(), List.of(), List.of("bad/tag"), false))
                .isInstanceOf(InvalidPersonException.class).hasMessageContaining("expertise");
    }

    @Test
    void aRemovedPersonsProfileCannotChange() {
        assertThatThrownBy(() -> in(MembershipStatus.REMOVED).updateProfile(Profile.NONE, LATER))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void registeringWithAProfileRaisesRegisteredThenProfileUpdated() {
        Person.Registration registration = Person.register("p-9",
                new NewPerson("Bakyt", null, "b@example.org", "KG", "ky", "Asia/Bishkek"),
                Profile.of(Set.of(GroupRole.EXPERT), List.of("ky"), List.of("eiti"), false), NOW);

        assertThat(registration.events()).hasSize(2);
        assertThat(registration.events().get(1)).isInstanceOf(PersonProfileUpdated.class);
        assertThat(Person.register("p-8", new NewPerson("C", null, "c@example.org", "KG", "ky", "Asia/Bishkek"),
                Profile.NONE, NOW).events()).hasSize(1);
    }

    @Test
    void nameWordsIgnoreCaseAndAccents() {
        assertThat(PersonRules.nameWords("Zhanna Édouard-Ömer  O.")).containsExactly("zhanna", "edouard", "omer", "o");
        assertThat(PersonRules.nameWords("Гүлнара Ахмедова")).containsExactly("гүлнара", "ахмедова");
    }
}
