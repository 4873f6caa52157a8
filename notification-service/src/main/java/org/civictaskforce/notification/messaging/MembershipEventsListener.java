package org.civictaskforce.notification.messaging;

import java.util.List;

import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.application.RecipientDirectory;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Reads the membership events and records a notification for each event type that has a
 * {@link NotificationTrigger}; other types are ignored. Malformed records go to the dead-letter
 * topic; anything else that fails is retried and then parked by the platform's error handler.
 */
@Component("membershipEvents")
public class MembershipEventsListener extends EventConsumer {

    public MembershipEventsListener(List<NotificationTrigger<?>> triggers, NotificationIntake intake,
            RecipientDirectory directory, WorkingGroupRolesObserver roles) {
        super(roles.observing(TriggerRoutes.of(triggers, "membership", intake))
                .on(PersonErased.class, (envelope, erased) -> {
                    InboundEvents.require(envelope, erased.personId(), "personId");
                    roles.erased(erased.personId());
                    directory.erase(erased.personId());
                }));
    }
}
