package org.civictaskforce.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.civictaskforce.contracts.membership.PersonProfileCorrected;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A person correcting their own details: the registration's rules, events naming fields only. */
class DetailsCorrectionTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    private static Person person() {
        return Person.register("p-1", new NewPerson("Aibek", "Aibek Example", "aibek@example.org", "KG", "ky",
                "Asia/Bishkek"), Profile.of(Set.of(GroupRole.EXPERT), List.of("ky"), List.of("fatf"), true), NOW)
                .person();
    }

    private static DetailsCorrection only(String field, String value) {
        return new DetailsCorrection("displayName".equals(field) ? value : null, "fullName".equals(field) ? value : null,
                "email".equals(field) ? value : null, "preferredLanguage".equals(field) ? value : null,
                "timeZone".equals(field) ? value : null, null);
    }

    @Test
    void everyDetailIsCorrectedAndTheEventNamesTheFieldsNotTheValues() {
        Person person = person();
        List<Object> events = person.correct(new DetailsCorrection(" Aibek K. ", "", "New@Example.org", "RU",
                "Asia/Almaty", List.of("ky", "RU")), NOW.plusSeconds(60));

        assertThat(person.displayName()).isEqualTo("Aibek K.");
        assertThat(person.fullName()).as("a blank full name removes it").isNull();
        assertThat(person.email()).isEqualTo("New@Example.org");
        assertThat(person.preferredLanguage()).isEqualTo("ru");
        assertThat(person.timeZone()).isEqualTo("Asia/Almaty");
        assertThat(person.profile().languages()).containsExactly("ky", "ru");
        assertThat(person.profile().roles()).containsExactly(GroupRole.EXPERT);
        assertThat(person.profile().expertise()).containsExactly("fatf");
        assertThat(person.profile().protectedIdentity()).isTrue();
        assertThat(person.contact()).isEqualTo(new ContactDetails("Aibek K.", "New@Example.org", "ru", "Asia/Almaty"));

        assertThat(events).hasSize(2);
        PersonProfileCorrected corrected = (PersonProfileCorrected) events.get(0);
        assertThat(corrected).isEqualTo(new PersonProfileCorrected("p-1", List.of("displayName", "fullName", "email",
                "preferredLanguage", "timeZone"), "ru", NOW.plusSeconds(60)));
        assertThat(corrected.toString()).doesNotContain("Aibek", "example.org", "Asia/Almaty");
        PersonProfileUpdated profile = (PersonProfileUpdated) events.get(1);
        assertThat(profile.languages()).containsExactly("ky", "ru");
        assertThat(profile.protectedIdentity()).isTrue();
    }

    @Test
    void leftOutFieldsStayAndNothingChangedRaisesNothing() {
        Person person = person();
        assertThat(person.correct(new DetailsCorrection(null, null, null, null, null, null), NOW)).isEmpty();
        assertThat(person.correct(new DetailsCorrection("Aibek", "Aibek Example", "aibek@example.org", "ky",
                "Asia/Bishkek", List.of("ky")), NOW)).as("the same values are no correction").isEmpty();

        List<Object> events = person.correct(only("timeZone", "Asia/Tashkent"), NOW);
        assertThat(events).containsExactly(new PersonProfileCorrected("p-1", List.of("timeZone"), "ky", NOW));
        assertThat(person.displayName()).isEqualTo("Aibek");
        assertThat(person.email()).isEqualTo("aibek@example.org");
        assertThat(person.fullName()).isEqualTo("Aibek Example");
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "displayName       | '   '",
            "email             | not-an-email",
            "email             | ''",
            "preferredLanguage | xx",
            "preferredLanguage | de",
            "timeZone          | +05:00",
            "timeZone          | Mars/Olympus" })
    void aBadValueIsRefusedByTheRegistrationsRulesAndChangesNothing(String field, String value) {
        Person person = person();
        assertThatThrownBy(() -> person.correct(withChangedName(field, value), NOW))
                .isInstanceOfSatisfying(InvalidPersonException.class, e -> assertThat(e.field()).isEqualTo(field));
        assertThat(person.displayName()).as("nothing changed, not even the valid part").isEqualTo("Aibek");
        assertThat(person.contact()).isEqualTo(new ContactDetails("Aibek", "aibek@example.org", "ky", "Asia/Bishkek"));
    }

    private static DetailsCorrection withChangedName(String field, String value) {
        DetailsCorrection bad = only(field, value);
        return new DetailsCorrection("displayName".equals(field) ? value : "Changed", bad.fullName(), bad.email(),
                bad.preferredLanguage(), bad.timeZone(), null);
    }

    @Test
    void theBoundsAreTheRegistrations() {
        Person person = person();
        assertThatThrownBy(() -> person.correct(only("displayName", "x".repeat(PersonRules.DISPLAY_NAME_MAX + 1)), NOW))
                .isInstanceOf(InvalidPersonException.class);
        assertThatThrownBy(() -> person.correct(only("fullName", "x".repeat(PersonRules.FULL_NAME_MAX + 1)), NOW))
                .isInstanceOf(InvalidPersonException.class);
        assertThatThrownBy(() -> person.correct(new DetailsCorrection(null, null, null, null, null,
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> List.of("ru", "en", "kk", "ky", "tg", "tk", "uz",
                        "de", "fr", "es", "it", "tr", "fa", "ar", "zh", "ja", "ko", "pl", "uk", "be", "hy").get(i))
                        .toList()), NOW)).isInstanceOf(InvalidPersonException.class);
        assertThat(person.correct(only("displayName", "x".repeat(PersonRules.DISPLAY_NAME_MAX)), NOW)).hasSize(1);
    }

    @Test
    void aRemovedOrErasedPersonCannotCorrect() {
        Person removed = person();
        removed.invite(NOW);
        removed.accept(NOW);
        removed.remove(NOW);
        assertThatThrownBy(() -> removed.correct(only("timeZone", "Asia/Almaty"), NOW))
                .isInstanceOf(ConflictException.class);
        Person erased = person().erase(NOW).tombstone();
        assertThatThrownBy(() -> erased.correct(only("timeZone", "Asia/Almaty"), NOW))
                .isInstanceOf(ConflictException.class);
    }
}
