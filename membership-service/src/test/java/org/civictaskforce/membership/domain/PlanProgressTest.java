package org.civictaskforce.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PlanProgressTest {

    @Test
    void centralAsianStatesAreAlwaysListedFirstThenOtherCountries() {
        PlanProgress progress = PlanProgress.of(Map.of("MN", 1L, "KZ", 2L), 3, 1);

        assertThat(progress.experts().perCountry()).extracting(PlanProgress.CountryExperts::country)
                .containsExactly("KZ", "KG", "TJ", "TM", "UZ", "MN");
        assertThat(progress.experts().perCountry().get(0).withinTarget()).isTrue();
        assertThat(progress.experts().perCountry().get(1).experts()).isZero();
        assertThat(progress.experts().perCountry().get(1).withinTarget()).isFalse();
        assertThat(progress.experts().total()).isEqualTo(3);
        assertThat(progress.countries().codes()).containsExactly("KZ", "MN");
        assertThat(progress.countries().withinTarget()).isTrue();
        assertThat(progress.pendingInvitations()).isEqualTo(new PlanProgress.Invitations(3, 1));
        assertThat(progress.discussion().tracked()).isTrue();
        assertThat(progress.discussion().organisations()).isZero();
        assertThat(progress.discussion().withinTarget()).isFalse();
    }

    @Test
    void discussionParticipationNeeds20To30OrganisationsFromAtLeast4Countries() {
        assertThat(PlanProgress.of(Map.of(), 0, 0, 20, 4).discussion().withinTarget()).isTrue();
        assertThat(PlanProgress.of(Map.of(), 0, 0, 30, 5).discussion().withinTarget()).isTrue();
        assertThat(PlanProgress.of(Map.of(), 0, 0, 19, 4).discussion().withinTarget()).isFalse();
        assertThat(PlanProgress.of(Map.of(), 0, 0, 31, 4).discussion().withinTarget()).isFalse();
        assertThat(PlanProgress.of(Map.of(), 0, 0, 25, 3).discussion().withinTarget()).isFalse();
        PlanProgress.Discussion discussion = PlanProgress.of(Map.of(), 0, 0, 22, 4).discussion();
        assertThat(discussion.organisations()).isEqualTo(22);
        assertThat(discussion.countries()).isEqualTo(4);
        assertThat(discussion.tracked()).isTrue();
    }

    @Test
    void targetsAreInclusiveRanges() {
        PlanProgress met = PlanProgress.of(Map.of("KZ", 3L, "KG", 3L, "TJ", 3L, "UZ", 1L), 0, 0);
        assertThat(met.experts().withinTarget()).isTrue();
        assertThat(met.countries().covered()).isEqualTo(4);
        assertThat(met.countries().withinTarget()).isTrue();

        PlanProgress tooMany = PlanProgress.of(Map.of("KZ", 4L, "KG", 3L, "TJ", 3L, "UZ", 3L, "TM", 3L), 0, 0);
        assertThat(tooMany.experts().total()).isEqualTo(16);
        assertThat(tooMany.experts().withinTarget()).isFalse();
        assertThat(tooMany.experts().perCountry().get(0).withinTarget()).isFalse();
        assertThat(tooMany.countries().withinTarget()).isFalse();

        assertThat(PlanProgress.of(Map.of(), 0, 0).experts().withinTarget()).isFalse();
    }
}
