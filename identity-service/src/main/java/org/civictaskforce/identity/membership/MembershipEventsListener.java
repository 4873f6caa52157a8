package org.civictaskforce.identity.membership;

import static org.civictaskforce.platform.messaging.InboundEvents.require;

import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.civictaskforce.platform.messaging.EventRouter;

/**
 * Roles follow membership: activation gives the roles of the event, a profile update replaces them, leaving
 * or removal ends them, erasure deletes the person's roles, account and enrolment link. Other event types are
 * ignored. Each change is applied once however often the event is delivered.
 */
public class MembershipEventsListener extends EventConsumer {

    public MembershipEventsListener(PersonRoles roles, AccountService accounts) {
        super(new EventRouter()
                .on(PersonRegistered.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    roles.registered(event.personId(), envelope.id());
                })
                .on(MemberActivated.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    roles.activated(event.personId(), envelope.id(), event.roles());
                })
                .on(PersonProfileUpdated.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    roles.rolesChanged(event.personId(), envelope.id(), event.roles());
                })
                .on(MemberLeft.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    roles.deactivated(event.personId(), envelope.id());
                })
                .on(MemberRemoved.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    roles.deactivated(event.personId(), envelope.id());
                })
                .on(PersonErased.class, (envelope, event) -> {
                    require(envelope, event.personId(), "personId");
                    accounts.erase(event.personId());
                }));
    }
}
