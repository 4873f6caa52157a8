package org.civictaskforce.research.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingGroupPipelineTest {

    @Test
    void foldsTalliesIntoTotalsByCountryAndStatus() {
        WorkingGroupPipeline pipeline = WorkingGroupPipeline.of(List.of(
                new PipelineTally("KZ", PipelineStatus.CANDIDATE, 2),
                new PipelineTally("KZ", PipelineStatus.INVITED, 1),
                new PipelineTally("KG", PipelineStatus.CANDIDATE, 1)));

        assertThat(pipeline.total()).isEqualTo(4);
        assertThat(pipeline.byCountry()).containsExactly(
                org.assertj.core.api.Assertions.entry("KG", 1L), org.assertj.core.api.Assertions.entry("KZ", 3L));
        assertThat(pipeline.byStatus()).containsEntry(PipelineStatus.CANDIDATE, 3L)
                .containsEntry(PipelineStatus.INVITED, 1L);
        assertThat(pipeline.countries()).isEqualTo(2);
    }

    @Test
    void countsPeopleWhoseCountryIsNotKnownYetInTheTotalButInNoCountry() {
        WorkingGroupPipeline pipeline = WorkingGroupPipeline.of(List.of(
                new PipelineTally(null, PipelineStatus.INVITED, 1),
                new PipelineTally("TJ", PipelineStatus.CANDIDATE, 1)));

        assertThat(pipeline.total()).isEqualTo(2);
        assertThat(pipeline.byCountry()).containsOnlyKeys("TJ");
        assertThat(pipeline.countries()).isEqualTo(1);
    }

    @Test
    void anEmptyPipelineHasEveryStatusAtZero() {
        WorkingGroupPipeline pipeline = WorkingGroupPipeline.of(List.of());

        assertThat(pipeline.total()).isZero();
        assertThat(pipeline.countries()).isZero();
        assertThat(pipeline.byStatus()).containsEntry(PipelineStatus.CANDIDATE, 0L)
                .containsEntry(PipelineStatus.INVITED, 0L);
    }

    @Test
    void aRegistrationMakesANewPersonACandidate() {
        assertThat(PipelineStatus.onFirstRegistration()).isEqualTo(PipelineStatus.CANDIDATE);
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new PipelineTally("UZ", PipelineStatus.CANDIDATE, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
