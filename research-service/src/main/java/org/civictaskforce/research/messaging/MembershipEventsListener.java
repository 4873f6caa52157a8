package org.civictaskforce.research.messaging;

import static org.civictaskforce.platform.messaging.InboundEvents.require;

import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.contracts.membership.TargetInstitutionsDecided;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.civictaskforce.platform.messaging.EventRouter;
import org.civictaskforce.research.application.WorkingGroupMembers;
import org.civictaskforce.research.application.WorkingGroupTargets;
import org.springframework.stereotype.Component;

/**
 * Builds the working-group read model from {@code membership.events.v1}. Logs ids and types only:
 * people in this system must not be identifiable from the logs.
 */
@Component("membershipEvents")
public class MembershipEventsListener extends EventConsumer {

    public MembershipEventsListener(WorkingGroupMembers members, WorkingGroupTargets targets) {
        super(new EventRouter()
                .on(PersonRegistered.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    require(envelope, event.country(), "country");
                    members.personRegistered(envelope.id(), event);
                })
                .on(PersonErased.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    members.personErased(event);
                })
                .on(MemberInvited.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    require(envelope, event.invitedAt(), "invitedAt");
                    members.memberInvited(envelope.id(), event);
                })
                .on(MemberActivated.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    require(envelope, event.roles(), "roles");
                    members.memberActivated(envelope.id(), event);
                })
                .on(MemberLeft.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    members.memberLeft(envelope.id(), event);
                })
                .on(MemberRemoved.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    members.memberRemoved(envelope.id(), event);
                })
                .on(PersonProfileUpdated.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    require(envelope, event.roles(), "roles");
                    members.profileUpdated(envelope.id(), event);
                })
                .on(TargetInstitutionsDecided.class, (envelope, event) -> {
                    require(envelope, event.meetingId(), "meetingId");
                    require(envelope, event.decisionId(), "decisionId");
                    require(envelope, event.institutionIds(), "institutionIds");
                    require(envelope, event.decidedAt(), "decidedAt");
                    targets.decided(envelope.id(), event);
                }));
    }
}
