package org.civictaskforce.research.domain;

import java.util.Set;

/**
 * ASSIGNED → IN_PROGRESS → SUBMITTED → RETURNED → (IN_PROGRESS or SUBMITTED again) … → ACCEPTED.
 * ACCEPTED is final.
 */
public enum AssignmentStatus {
    ASSIGNED, IN_PROGRESS, SUBMITTED, RETURNED, ACCEPTED;

    public boolean canMoveTo(AssignmentStatus next) {
        return switch (this) {
            case ASSIGNED -> next == IN_PROGRESS;
            case IN_PROGRESS -> next == SUBMITTED;
            case SUBMITTED -> Set.of(RETURNED, ACCEPTED).contains(next);
            case RETURNED -> Set.of(IN_PROGRESS, SUBMITTED).contains(next);
            case ACCEPTED -> false;
        };
    }
}
