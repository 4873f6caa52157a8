package org.civictaskforce.research.web;

import java.util.Map;

import org.civictaskforce.research.domain.PipelineStatus;
import org.civictaskforce.research.domain.WorkingGroupPipeline;

/**
 * {@code GET /api/research/working-group}. Candidates and invited people are counted together as
 * "in the pipeline": nobody here is confirmed as an expert yet, so no field claims they are.
 *
 * @param peopleInPipeline everyone registered or invited, in total and by country and status
 * @param countries        how many countries the pipeline reaches
 */
public record WorkingGroupResponse(PeopleInPipeline peopleInPipeline, int countries) {

    /**
     * @param total     everyone in the pipeline (including anyone whose country is not known yet)
     * @param byCountry people per country code
     * @param candidates registered, not yet invited
     * @param invited   invited to the working group
     */
    public record PeopleInPipeline(long total, Map<String, Long> byCountry, long candidates, long invited) {
    }

    static WorkingGroupResponse from(WorkingGroupPipeline pipeline) {
        return new WorkingGroupResponse(new PeopleInPipeline(pipeline.total(), pipeline.byCountry(),
                pipeline.byStatus().get(PipelineStatus.CANDIDATE), pipeline.byStatus().get(PipelineStatus.INVITED)),
                pipeline.countries());
    }
}
