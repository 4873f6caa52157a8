package org.civictaskforce.notification.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.civictaskforce.platform.messaging.InboundRecord;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads {@code research.events.v1} and records the notifications of the research triggers
 * ({@link ResearchTriggers}); other types are ignored. Malformed records are parked on the dead-letter
 * topic; other failures are retried, then parked (platform-kit's error handler).
 */
@Component("researchEvents")
public class ResearchEventsListener implements Consumer<Message<byte[]>> {
    private final Map<String, NotificationTrigger<?>> triggers;
    private final NotificationIntake intake;

    public ResearchEventsListener(List<NotificationTrigger<?>> triggers, NotificationIntake intake) {
        this.triggers = triggers.stream().filter(t -> t.eventClass().getPackageName().endsWith(".research"))
                .collect(Collectors.toMap(t -> EventTypes.typeOf(t.eventClass()), Function.identity()));
        this.intake = intake;
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventEnvelope envelope = InboundEvents.envelope(InboundRecord.of(message));
        NotificationTrigger<?> trigger = triggers.get(envelope.type());
        if (trigger != null) {
            intake.accept(notificationsFor(trigger, envelope));
        }
    }

    private static <E> List<Notification> notificationsFor(NotificationTrigger<E> trigger, EventEnvelope envelope) {
        return trigger.notificationsFor(envelope, InboundEvents.data(envelope, trigger.eventClass()));
    }
}
