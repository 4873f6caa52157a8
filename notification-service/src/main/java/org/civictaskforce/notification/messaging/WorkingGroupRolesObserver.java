package org.civictaskforce.notification.messaging;

import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.notification.application.WorkingGroupRoleStore;
import org.civictaskforce.platform.messaging.EventRouter;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link WorkingGroupRoleStore} (who is an active coordinator) up to date from membership events: its
 * handlers are routes of {@link MembershipEventsListener}, beside the notification triggers.
 */
@Component
public class WorkingGroupRolesObserver {

    private final WorkingGroupRoleStore roles;

    public WorkingGroupRolesObserver(WorkingGroupRoleStore roles) {
        this.roles = roles;
    }

    /** Adds the events that change who holds which role in the working group to the router. */
    public EventRouter observing(EventRouter router) {
        return router.on(MemberActivated.class, (envelope, e) -> {
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.activated(envelope.id(), e.personId(), e.roles());
        }).on(PersonProfileUpdated.class, (envelope, e) -> {
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.rolesChanged(envelope.id(), e.personId(), e.roles());
        }).on(MemberLeft.class, (envelope, e) -> {
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.departed(envelope.id(), e.personId());
        }).on(MemberRemoved.class, (envelope, e) -> {
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.departed(envelope.id(), e.personId());
        });
    }

    /** The person is erased: they hold no role any more (called by the listener's one erasure handler). */
    public void erased(String personId) {
        roles.erase(personId);
    }
}
