package org.civictaskforce.notification.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.strategy.GuideTranslatorsChanged;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.persistence.GuideTranslatorStore;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads strategy-service's events: keeps who translates the guide into which language, and records
 * the notifications of every strategy event type that has a {@link NotificationTrigger} (consultation
 * opened, closing soon, comment resolved, translation stale, edition published). Notification ids are
 * {@code <eventId>:<personId>}, so a redelivered event notifies nobody twice.
 */
@Component
public class StrategyEventsListener {
    private static final String TRANSLATORS_CHANGED = EventTypes.typeOf(GuideTranslatorsChanged.class);

    private final Map<String, NotificationTrigger<?>> triggers;
    private final NotificationIntake intake;
    private final GuideTranslatorStore translators;

    public StrategyEventsListener(List<NotificationTrigger<?>> triggers, NotificationIntake intake,
            GuideTranslatorStore translators) {
        this.triggers = triggers.stream()
                .collect(Collectors.toMap(t -> EventTypes.typeOf(t.eventClass()), Function.identity()));
        this.intake = intake;
        this.translators = translators;
    }

    @KafkaListener(topics = Topics.STRATEGY_EVENTS)
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = InboundEvents.envelope(record);
        if (TRANSLATORS_CHANGED.equals(envelope.type())) {
            GuideTranslatorsChanged changed = InboundEvents.data(envelope, GuideTranslatorsChanged.class);
            InboundEvents.require(envelope, changed.language(), "language");
            translators.replace(changed.guideId(), changed.language(), changed.translatorIds());
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
