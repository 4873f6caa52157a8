package org.civictaskforce.research.application;

import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.research.domain.WorkingGroupPipeline;
import org.springframework.stereotype.Service;

/** Keeps the working-group read model up to date with membership events and answers questions about it. */
@Service
public class WorkingGroupMembers {
    private final MemberReadModel readModel;

    public WorkingGroupMembers(MemberReadModel readModel) {
        this.readModel = readModel;
    }

    public boolean personRegistered(String eventId, PersonRegistered event) {
        return readModel.recordRegistration(eventId, event.personId(), event.country(), event.preferredLanguage(),
                event.registeredAt());
    }

    /** Erasure: the person's document goes (and with it the applied-event ids it kept). */
    public boolean personErased(PersonErased event) {
        return readModel.forget(event.personId());
    }

    public boolean memberInvited(String eventId, MemberInvited event) {
        return readModel.recordInvitation(eventId, event.personId(), event.invitedAt());
    }

    public WorkingGroupPipeline pipeline() {
        return WorkingGroupPipeline.of(readModel.tallies());
    }
}
