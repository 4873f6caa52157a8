package org.civictaskforce.strategy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;

class ParticipationTest {

    @Test
    void countsPeopleAndCountries() {
        Participation participation = Participation.of(List.of(
                new CountryTally("KZ", 2), new CountryTally("KG", 1), new CountryTally("UZ", 3)));

        assertThat(participation.people()).isEqualTo(6);
        assertThat(participation.countries()).isEqualTo(3);
        assertThat(participation.byCountry()).containsExactly(entry("KG", 1L), entry("KZ", 2L), entry("UZ", 3L));
    }

    @Test
    void countsPeopleWhoseCountryIsNotKnownYetButNotAsACountry() {
        Participation participation = Participation.of(List.of(new CountryTally(null, 2), new CountryTally("TJ", 1)));

        assertThat(participation.people()).isEqualTo(3);
        assertThat(participation.countries()).isEqualTo(1);
        assertThat(participation.byCountry()).containsOnlyKeys("TJ");
    }

    @Test
    void nobodyYetMeansNoCountries() {
        Participation participation = Participation.of(List.of());

        assertThat(participation.people()).isZero();
        assertThat(participation.countries()).isZero();
        assertThat(participation.byCountry()).isEmpty();
    }

    @Test
    void aRegistrationMakesANewPersonACandidate() {
        assertThat(ParticipantStatus.onFirstRegistration()).isEqualTo(ParticipantStatus.CANDIDATE);
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new CountryTally("KZ", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
