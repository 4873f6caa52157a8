package org.civictaskforce.notification.messaging;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
import org.civictaskforce.notification.persistence.WorkingGroupRoleStore;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link WorkingGroupRoleStore} (who is an active coordinator) up to date from membership events;
 * called by {@link MembershipEventsListener} for every record before its notifications.
 */
@Component
public class WorkingGroupRolesObserver {
    private static final String ACTIVATED = EventTypes.typeOf(MemberActivated.class);
    private static final String PROFILE = EventTypes.typeOf(PersonProfileUpdated.class);
    private static final String LEFT = EventTypes.typeOf(MemberLeft.class);
    private static final String REMOVED = EventTypes.typeOf(MemberRemoved.class);
    private static final String ERASED = EventTypes.typeOf(PersonErased.class);

    private final WorkingGroupRoleStore roles;

    public WorkingGroupRolesObserver(WorkingGroupRoleStore roles) {
        this.roles = roles;
    }

    public void observe(EventEnvelope envelope) {
        String type = envelope.type();
        if (ACTIVATED.equals(type)) {
            MemberActivated e = InboundEvents.data(envelope, MemberActivated.class);
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.activated(envelope.id(), e.personId(), e.roles());
        } else if (PROFILE.equals(type)) {
            PersonProfileUpdated e = InboundEvents.data(envelope, PersonProfileUpdated.class);
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.rolesChanged(envelope.id(), e.personId(), e.roles());
        } else if (LEFT.equals(type)) {
            MemberLeft e = InboundEvents.data(envelope, MemberLeft.class);
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.departed(envelope.id(), e.personId());
        } else if (REMOVED.equals(type)) {
            MemberRemoved e = InboundEvents.data(envelope, MemberRemoved.class);
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.departed(envelope.id(), e.personId());
        } else if (ERASED.equals(type)) {
            PersonErased e = InboundEvents.data(envelope, PersonErased.class);
            InboundEvents.require(envelope, e.personId(), "personId");
            roles.erase(e.personId());
        }
    }
}
