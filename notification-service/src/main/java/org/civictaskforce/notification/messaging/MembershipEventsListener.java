package org.civictaskforce.notification.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.application.RecipientDirectory;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.civictaskforce.platform.messaging.InboundRecord;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads the membership events and records a notification for each event type that has a
 * {@link NotificationTrigger}; other types are ignored. Malformed records go to the dead-letter
 * topic; anything else that fails is retried and then parked by the platform's error handler.
 */
@Component("membershipEvents")
public class MembershipEventsListener implements Consumer<Message<byte[]>> {
    private final Map<String, NotificationTrigger<?>> triggers;
    private static final String PERSON_ERASED = EventTypes.typeOf(PersonErased.class);

    private final NotificationIntake intake;
    private final RecipientDirectory directory;
    private final WorkingGroupRolesObserver roles;

    public MembershipEventsListener(List<NotificationTrigger<?>> triggers, NotificationIntake intake,
            RecipientDirectory directory, WorkingGroupRolesObserver roles) {
        this.directory = directory;
        this.roles = roles;
        this.triggers = triggers.stream()
                .filter(t -> !t.eventClass().getPackageName().endsWith(".research"))
                .collect(Collectors.toMap(t -> EventTypes.typeOf(t.eventClass()), Function.identity()));
        this.intake = intake;
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventEnvelope envelope = InboundEvents.envelope(InboundRecord.of(message));
        roles.observe(envelope);
        if (PERSON_ERASED.equals(envelope.type())) {
            PersonErased erased = InboundEvents.data(envelope, PersonErased.class);
            InboundEvents.require(envelope, erased.personId(), "personId");
            directory.erase(erased.personId());
            return;
        }
        NotificationTrigger<?> trigger = triggers.get(envelope.type());
        if (trigger != null) {
            intake.accept(notificationsFor(trigger, envelope));
        }
    }

    private static <E> List<Notification> notificationsFor(NotificationTrigger<E> trigger, EventEnvelope envelope) {
        return trigger.notificationsFor(envelope, InboundEvents.data(envelope, trigger.eventClass()));
    }
}
