package org.civictaskforce.strategy.messaging;

import static org.civictaskforce.platform.messaging.InboundEvents.require;

import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.civictaskforce.platform.messaging.EventRouter;
import org.civictaskforce.contracts.membership.PersonAffiliationsChanged;
import org.civictaskforce.contracts.membership.TargetInstitutionsDecided;
import org.civictaskforce.strategy.application.ConsultationService;
import org.civictaskforce.strategy.application.GuideService;
import org.civictaskforce.strategy.application.StrategyInputs;
import org.civictaskforce.strategy.application.StrategyService;
import org.civictaskforce.strategy.application.Participants;
import org.springframework.stereotype.Component;

/**
 * Builds the participant read model from {@code membership.events.v1}; event types not consumed here
 * are ignored. Logs ids and types only: people in this system must not be identifiable from the logs.
 */
@Component("membershipEvents")
public class MembershipEventsListener extends EventConsumer {

    public MembershipEventsListener(Participants participants, GuideService guide, StrategyService strategy,
            ConsultationService consultations, StrategyInputs inputs) {
        super(new EventRouter()
                .on(PersonRegistered.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    require(envelope, event.country(), "country");
                    participants.personRegistered(envelope.id(), event);
                })
                .on(PersonErased.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    participants.personErased(event);
                    guide.personErased(event.personId());
                    strategy.personErased(event.personId());
                    consultations.personErased(event.personId());
                })
                .on(PersonProfileUpdated.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    participants.profileUpdated(envelope.id(), event);
                })
                .on(PersonAffiliationsChanged.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    participants.affiliationsChanged(envelope.id(), event);
                })
                .on(TargetInstitutionsDecided.class, (envelope, event) -> {
                    require(envelope, event.institutionIds(), "institutionIds");
                    require(envelope, event.decidedAt(), "decidedAt");
                    inputs.targetsDecided(event.decisionId(), event.institutionIds(), event.decidedAt());
                })
                .on(MemberInvited.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    require(envelope, event.invitedAt(), "invitedAt");
                    participants.memberInvited(envelope.id(), event);
                }));
    }
}
