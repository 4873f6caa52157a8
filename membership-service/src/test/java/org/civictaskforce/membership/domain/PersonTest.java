package org.civictaskforce.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static NewPerson valid() {
        return new NewPerson("Aigerim", "Aigerim Example", "aigerim@example.org", "KZ", "ru", "Asia/Almaty");
    }

    private static NewPerson with(String field, String value) {
        NewPerson p = valid();
        return new NewPerson(
                field.equals("displayName") ? value : p.displayName(),
                field.equals("fullName") ? value : p.fullName(),
                field.equals("email") ? value : p.email(),
                field.equals("country") ? value : p.country(),
                field.equals("preferredLanguage") ? value : p.preferredLanguage(),
                field.equals("timeZone") ? value : p.timeZone());
    }

    @Test
    void registeringMakesACandidateAndRaisesPersonRegisteredWithoutContactDetails() {
        Person.Registration registration = Person.register("p-1", valid(), NOW);

        Person person = registration.person();
        assertThat(person.id()).isEqualTo("p-1");
        assertThat(person.status()).isEqualTo(MembershipStatus.CANDIDATE);
        assertThat(person.invitation()).isNull();
        assertThat(person.registeredAt()).isEqualTo(NOW);
        assertThat(person.contact()).isEqualTo(new ContactDetails("Aigerim", "aigerim@example.org", "ru", "Asia/Almaty"));
        assertThat(registration.event()).isEqualTo(new PersonRegistered("p-1", "KZ", "ru", NOW, false));
        assertThat(registration.event().toString()).doesNotContain("aigerim@example.org", "Aigerim");
    }

    @Test
    void aProtectedRegistrationSaysSoInPersonRegisteredItself() {
        Person.Registration registration = Person.register("p-1", valid(),
                new Profile(java.util.Set.of(GroupRole.EXPERT), java.util.List.of(), java.util.List.of(), true), NOW);

        assertThat(registration.event()).isEqualTo(new PersonRegistered("p-1", "KZ", "ru", NOW, true));
        assertThat(registration.events().get(0)).isEqualTo(registration.event());
    }

    @Test
    void registeringGeneratesAUuidWhenNoIdIsGiven() {
        Person person = Person.register(valid(), NOW).person();
        assertThat(person.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void countryAndLanguageAreNormalisedAndTextIsTrimmed() {
        NewPerson details = new NewPerson("  Bakyt ", " ", " bakyt@example.org ", "kg", "KY", " Asia/Bishkek ");
        Person.Registration registration = Person.register("p-2", details, NOW);

        Person person = registration.person();
        assertThat(person.country()).isEqualTo("KG");
        assertThat(person.preferredLanguage()).isEqualTo("ky");
        assertThat(person.displayName()).isEqualTo("Bakyt");
        assertThat(person.email()).isEqualTo("bakyt@example.org");
        assertThat(person.timeZone()).isEqualTo("Asia/Bishkek");
        assertThat(person.fullName()).isNull();
        assertThat(registration.event().country()).isEqualTo("KG");
    }

    @ParameterizedTest
    @ValueSource(strings = { "displayName", "email", "country", "preferredLanguage", "timeZone" })
    void requiredDetailsMustBePresent(String field) {
        assertThatThrownBy(() -> Person.register("p", with(field, null), NOW))
                .isInstanceOf(InvalidPersonException.class)
                .isInstanceOf(DomainRuleException.class)
                .satisfies(e -> assertThat(((InvalidPersonException) e).field()).isEqualTo(field));
        assertThatThrownBy(() -> Person.register("p", with(field, "  "), NOW))
                .isInstanceOf(InvalidPersonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "XX", "KAZ", "K", "12" })
    void countryMustBeAnIsoAlpha2Code(String country) {
        assertInvalid("country", country);
    }

    @ParameterizedTest
    @ValueSource(strings = { "xx", "rus", "r", "english" })
    void languageMustBeAnIso639_1Code(String language) {
        assertInvalid("preferredLanguage", language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Asia/Nowhere", "+05:00", "UTC+5", "almaty" })
    void timeZoneMustBeAnIanaRegionId(String zone) {
        assertInvalid("timeZone", zone);
    }

    @ParameterizedTest
    @ValueSource(strings = { "no-at-sign", "two@@example.org", "a b@example.org", "nodot@example" })
    void emailMustLookLikeAnAddress(String email) {
        assertInvalid("email", email);
        assertThatThrownBy(() -> Person.register("p", with("email", email), NOW))
                .as("the message never quotes the address").message().doesNotContain(email);
    }

    @Test
    void namesHaveMaximumLengths() {
        assertInvalid("displayName", "x".repeat(PersonRules.DISPLAY_NAME_MAX + 1));
        assertInvalid("fullName", "x".repeat(PersonRules.FULL_NAME_MAX + 1));
        assertThat(Person.register("p", with("displayName", "x".repeat(PersonRules.DISPLAY_NAME_MAX)), NOW).person()
                .displayName()).hasSize(PersonRules.DISPLAY_NAME_MAX);
    }

    @Test
    void fullNameIsOptional() {
        assertThat(Person.register("p", with("fullName", null), NOW).person().fullName()).isNull();
    }

    @Test
    void invitingACandidateRaisesMemberInvitedThatExpiresAfterFourteenDays() {
        Person person = Person.register("p-1", valid(), NOW).person();
        Instant later = NOW.plus(Duration.ofHours(3));

        MemberInvited event = person.invite("inv-1", later);

        assertThat(event).isEqualTo(new MemberInvited("p-1", "inv-1", later, later.plus(Duration.ofDays(14))));
        assertThat(Invitation.VALIDITY).isEqualTo(Duration.ofDays(14));
        assertThat(person.status()).isEqualTo(MembershipStatus.INVITED);
        assertThat(person.invitation()).isEqualTo(new Invitation("inv-1", later, Instant.parse("2026-03-15T12:00:00Z")));
    }

    @Test
    void invitingGeneratesAnInvitationId() {
        Person person = Person.register("p-1", valid(), NOW).person();
        assertThat(person.invite(NOW).invitationId()).isNotBlank().isEqualTo(person.invitation().invitationId());
    }

    @Test
    void aPersonCanBeInvitedOnlyOnce() {
        Person person = Person.register("p-1", valid(), NOW).person();
        person.invite("inv-1", NOW);

        assertThatThrownBy(() -> person.invite("inv-2", NOW.plusSeconds(60)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("p-1");
        assertThat(person.invitation().invitationId()).isEqualTo("inv-1");
        assertThat(person.status()).isEqualTo(MembershipStatus.INVITED);
    }

    @Test
    void aRestoredInvitedPersonCannotBeInvitedAgain() {
        Person restored = Person.restore("p-1", "A", null, "a@example.org", "UZ", "uz", "Asia/Tashkent", NOW,
                MembershipStatus.INVITED, new Invitation("inv-1", NOW, NOW.plus(Invitation.VALIDITY)));
        assertThatThrownBy(() -> restored.invite(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void toStringsWithholdContactDetails() {
        Person person = Person.register("p-1", valid(), NOW).person();
        assertThat(person.toString()).doesNotContain("Aigerim", "example.org");
        assertThat(person.contact().toString()).doesNotContain("Aigerim", "example.org");
        assertThat(valid().toString()).doesNotContain("Aigerim", "example.org");
    }

    @Test
    void rulesAgreeWithTheJdkLists() {
        assertThat(PersonRules.isCountry("TJ")).isTrue();
        assertThat(PersonRules.isCountry("tm")).isTrue();
        assertThat(PersonRules.isLanguage("tg")).isTrue();
        assertThat(PersonRules.isTimeZone("Asia/Dushanbe")).isTrue();
        assertThat(PersonRules.emailKey(" A@Example.ORG ")).isEqualTo("a@example.org");
    }

    private static void assertInvalid(String field, String value) {
        assertThatThrownBy(() -> Person.register("p", with(field, value), NOW))
                .isInstanceOf(InvalidPersonException.class)
                .satisfies(e -> assertThat(((InvalidPersonException) e).field()).isEqualTo(field));
    }
}
