package org.civictaskforce.research.web;

import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.platform.security.Role;
import org.civictaskforce.research.domain.Assignment;
import org.civictaskforce.research.domain.Finding;

/**
 * Who may do what in research (the README's table). Role checks answer 403; an assignment or finding
 * the caller may not see answers 404, as if it did not exist, so another expert's work is not revealed
 * by the difference. Reasons name no one.
 */
final class Access {
    private Access() {
    }

    /** Any working-group role (an invited person who is not active yet has none). */
    static Caller member() {
        Caller caller = Caller.current();
        caller.require(caller.hasAny(Role.values()), "Only members of the working group may do this.");
        return caller;
    }

    static Caller coordinator() {
        Caller caller = Caller.current();
        caller.requireCoordinator();
        return caller;
    }

    /** Coordinators and experts; others may not read assignments at all. */
    static Caller coordinatorOrExpert() {
        Caller caller = Caller.current();
        caller.require(caller.hasAny(Role.COORDINATOR, Role.EXPERT), "Only coordinators and experts may do this.");
        return caller;
    }

    /** The assigned expert, with the expert role. */
    static boolean isAssignedExpert(Caller caller, Assignment assignment) {
        return caller.has(Role.EXPERT) && caller.is(assignment.expertId());
    }

    /** Coordinators see every assignment, an expert their own. */
    static boolean seesAssignment(Caller caller, Assignment assignment) {
        return caller.isCoordinator() || isAssignedExpert(caller, assignment);
    }

    /** An assignment the caller may see, else 404 as if it did not exist. */
    static Assignment visible(Caller caller, Assignment assignment) {
        if (!seesAssignment(caller, assignment)) {
            throw new NotFoundException("assignment", assignment.id());
        }
        return assignment;
    }

    /**
     * Only the assigned expert acts on their assignment (start, submit, findings): a coordinator, who
     * sees it, is refused (403); anyone else is told it does not exist (404).
     */
    static void requireAssignedExpert(Caller caller, Assignment assignment) {
        if (isAssignedExpert(caller, assignment)) {
            return;
        }
        if (caller.isCoordinator()) {
            caller.require(false, "Only the assigned expert may do this.");
        }
        throw new NotFoundException("assignment", assignment.id());
    }

    /** Coordinators and the assignment's expert see a finding in any state; other members only accepted ones. */
    static boolean seesFinding(Caller caller, Assignment assignment, Finding finding) {
        return seesAssignment(caller, assignment) || finding.status() == Finding.FindingStatus.ACCEPTED;
    }
}
