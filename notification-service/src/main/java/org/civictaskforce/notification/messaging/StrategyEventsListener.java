package org.civictaskforce.notification.messaging;

import java.util.List;

import org.civictaskforce.contracts.strategy.GuideTranslatorsChanged;
import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.application.GuideTranslatorStore;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.springframework.stereotype.Component;

/**
 * Reads strategy-service's events: keeps who translates the guide into which language, and records
 * the notifications of every strategy event type that has a {@link NotificationTrigger} (consultation
 * opened, closing soon, comment resolved, translation stale, edition published). Notification ids are
 * {@code <eventId>:<personId>}, so a redelivered event notifies nobody twice.
 */
@Component("strategyEvents")
public class StrategyEventsListener extends EventConsumer {

    public StrategyEventsListener(List<NotificationTrigger<?>> triggers, NotificationIntake intake,
            GuideTranslatorStore translators) {
        super(TriggerRoutes.of(triggers, "strategy", intake).on(GuideTranslatorsChanged.class, (envelope, changed) -> {
            InboundEvents.require(envelope, changed.language(), "language");
            translators.replace(changed.guideId(), changed.language(), changed.translatorIds());
        }));
    }
}
