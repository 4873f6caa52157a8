package org.civictaskforce.research.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The people on their way into the working group, counted by country and by status. The research
 * plan draws its experts from this pipeline; counting them here does not make them experts.
 *
 * @param total     everyone in the pipeline, including people whose country is not known yet
 * @param byCountry people per country (ISO 3166 alpha-2), only countries with at least one person
 * @param byStatus  people per pipeline status, every status present (zero if none)
 */
public record WorkingGroupPipeline(long total, SortedMap<String, Long> byCountry, Map<PipelineStatus, Long> byStatus) {

    public WorkingGroupPipeline {
        byCountry = Collections.unmodifiableSortedMap(new TreeMap<>(byCountry));
        byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
    }

    /** Folds per-country, per-status tallies into the pipeline. */
    public static WorkingGroupPipeline of(Collection<PipelineTally> tallies) {
        long total = 0;
        SortedMap<String, Long> byCountry = new TreeMap<>();
        Map<PipelineStatus, Long> byStatus = new EnumMap<>(PipelineStatus.class);
        for (PipelineStatus status : PipelineStatus.values()) {
            byStatus.put(status, 0L);
        }
        for (PipelineTally tally : tallies) {
            if (tally.people() == 0) {
                continue;
            }
            total += tally.people();
            byStatus.merge(tally.status(), tally.people(), Long::sum);
            if (tally.country() != null) {
                byCountry.merge(tally.country(), tally.people(), Long::sum);
            }
        }
        return new WorkingGroupPipeline(total, byCountry, byStatus);
    }

    /** How many countries the pipeline reaches. */
    public int countries() {
        return byCountry.size();
    }
}
