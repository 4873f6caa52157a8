package org.civictaskforce.notification.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.strategy.GuideTranslatorsChanged;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.persistence.GuideTranslatorStore;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.civictaskforce.platform.messaging.InboundRecord;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads strategy-service's events: keeps who translates the guide into which language, and records
 * the notifications of every strategy event type that has a {@link NotificationTrigger} (consultation
 * opened, closing soon, comment resolved, translation stale, edition published). Notification ids are
 * {@code <eventId>:<personId>}, so a redelivered event notifies nobody twice.
 */
@Component("strategyEvents")
public class StrategyEventsListener implements Consumer<Message<byte[]>> {
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

    @Override
    public void accept(Message<byte[]> message) {
        EventEnvelope envelope = InboundEvents.envelope(InboundRecord.of(message));
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
