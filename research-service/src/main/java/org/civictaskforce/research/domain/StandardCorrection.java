package org.civictaskforce.research.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.civictaskforce.contracts.research.InstitutionStandardCorrected;
import org.civictaskforce.platform.problem.NotFoundException;

/**
 * A coordinator's correction of one standard: the institution with the new version in place, the
 * version it replaces (kept in the history) and the event it raises.
 */
public record StandardCorrection(Institution institution, Standard previous, Standard current, List<Object> events) {

    /** What a coordinator may change in a standard: its text and its source. */
    public record Text(String title, Integer year, String summary, String note, Source source) {
    }

    public static StandardCorrection of(Institution institution, String standardId, Text text, String reason,
            Instant now) {
        List<Standard> standards = new ArrayList<>(institution.standards());
        int index = -1;
        for (int i = 0; i < standards.size(); i++) {
            if (standards.get(i).id().equals(standardId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException("standard", institution.id() + "/" + standardId);
        }
        Standard previous = standards.get(index);
        Standard current = new Standard(previous.id(), text.title(), text.year(), text.summary(), text.note(),
                text.source(), previous.version() + 1, now, reason);
        standards.set(index, current);
        Institution corrected = new Institution(institution.id(), institution.name(), institution.kind(), standards,
                institution.mechanism());
        return new StandardCorrection(corrected, previous, current, List.of(
                new InstitutionStandardCorrected(institution.id(), standardId, current.version(), now)));
    }
}
