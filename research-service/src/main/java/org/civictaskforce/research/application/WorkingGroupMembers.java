package org.civictaskforce.research.application;

import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.research.domain.WorkingGroupPipeline;
import org.springframework.stereotype.Service;

/** Keeps the working-group read model up to date with membership events and answers questions about it. */
@Service
public class WorkingGroupMembers {
    private final MemberReadModel readModel;
    private final AssignmentStore assignments;

    public WorkingGroupMembers(MemberReadModel readModel, AssignmentStore assignments) {
        this.readModel = readModel;
        this.assignments = assignments;
    }

    public boolean personRegistered(String eventId, PersonRegistered event) {
        return readModel.recordRegistration(eventId, event.personId(), event.country(), event.preferredLanguage(),
                event.registeredAt(), event.protectedIdentity());
    }

    /**
     * Erasure: the person's read-model document goes (and with it the applied-event ids it kept), and
     * their assignments continue under an anonymous expert id.
     */
    public boolean personErased(PersonErased event) {
        long anonymised = assignments.anonymiseExpert(event.personId());
        return readModel.forget(event.personId()) || anonymised > 0;
    }

    public boolean memberInvited(String eventId, MemberInvited event) {
        return readModel.recordInvitation(eventId, event.personId(), event.invitedAt());
    }

    public boolean memberActivated(String eventId, MemberActivated event) {
        return readModel.recordActivation(eventId, event.personId(), event.country(), event.roles(),
                event.activatedAt());
    }

    public boolean memberLeft(String eventId, MemberLeft event) {
        return readModel.recordDeparture(eventId, event.personId(), "LEFT", event.leftAt());
    }

    public boolean memberRemoved(String eventId, MemberRemoved event) {
        return readModel.recordDeparture(eventId, event.personId(), "REMOVED", event.removedAt());
    }

    public boolean profileUpdated(String eventId, PersonProfileUpdated event) {
        return readModel.recordProfile(eventId, event.personId(), event.roles(), event.protectedIdentity());
    }

    /**
     * @param countriesOfProtected whether people with a protected identity are counted under their
     *                             country (coordinators) or only in the totals (everyone else)
     */
    public WorkingGroupPipeline pipeline(boolean countriesOfProtected) {
        return WorkingGroupPipeline.of(readModel.tallies(countriesOfProtected));
    }
}
