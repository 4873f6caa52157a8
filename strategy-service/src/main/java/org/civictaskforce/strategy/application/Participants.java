package org.civictaskforce.strategy.application;

import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonAffiliationsChanged;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.strategy.domain.Participation;
import org.springframework.stereotype.Service;

/** Keeps the participant read model up to date with membership events and answers questions about it. */
@Service
public class Participants {
    private final ParticipantReadModel readModel;

    public Participants(ParticipantReadModel readModel) {
        this.readModel = readModel;
    }

    public boolean personRegistered(String eventId, PersonRegistered event) {
        return readModel.recordRegistration(eventId, event.personId(), event.country(), event.preferredLanguage(),
                event.registeredAt(), event.protectedIdentity());
    }

    /** Erasure: the person's document goes (and with it the applied-event ids it kept). */
    public boolean personErased(PersonErased event) {
        return readModel.forget(event.personId());
    }

    public boolean memberInvited(String eventId, MemberInvited event) {
        return readModel.recordInvitation(eventId, event.personId(), event.invitedAt());
    }

    public boolean affiliationsChanged(String eventId, PersonAffiliationsChanged event) {
        return readModel.recordAffiliations(eventId, event.personId(), event.organisationIds());
    }

    public boolean profileUpdated(String eventId, PersonProfileUpdated event) {
        return readModel.recordProtection(eventId, event.personId(), event.protectedIdentity());
    }

    /**
     * @param countriesOfProtected whether people with a protected identity are counted under their
     *                             country (coordinators) or only in the total (everyone else)
     */
    public Participation participation(boolean countriesOfProtected) {
        return Participation.of(readModel.tallies(countriesOfProtected));
    }
}
