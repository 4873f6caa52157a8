package org.civictaskforce.research.application;

import org.civictaskforce.contracts.membership.TargetInstitutionsDecided;
import org.civictaskforce.research.domain.TargetInstitutions;
import org.springframework.stereotype.Service;

/** Follows the meetings' "target these institutions" decisions; the latest decision wins. */
@Service
public class WorkingGroupTargets {
    private final TargetInstitutionsReadModel readModel;

    public WorkingGroupTargets(TargetInstitutionsReadModel readModel) {
        this.readModel = readModel;
    }

    public boolean decided(String eventId, TargetInstitutionsDecided event) {
        return readModel.recordIfLater(eventId, new TargetInstitutions(event.institutionIds(), event.decidedAt(),
                event.meetingId(), event.decisionId()));
    }

    public TargetInstitutions current() {
        return readModel.current();
    }
}
