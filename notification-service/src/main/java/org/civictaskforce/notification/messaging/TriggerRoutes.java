package org.civictaskforce.notification.messaging;

import java.util.List;

import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.platform.messaging.EventRouter;

/** Routes each event type that has a {@link NotificationTrigger} to the intake of the notifications it causes. */
final class TriggerRoutes {
    private TriggerRoutes() {
    }

    /** The triggers of the events published by one service (the contracts' package, e.g. {@code strategy}). */
    static EventRouter of(List<NotificationTrigger<?>> triggers, String producer, NotificationIntake intake) {
        EventRouter router = new EventRouter();
        triggers.stream().filter(t -> t.eventClass().getPackageName().endsWith("." + producer))
                .forEach(trigger -> route(router, trigger, intake));
        return router;
    }

    private static <E> void route(EventRouter router, NotificationTrigger<E> trigger, NotificationIntake intake) {
        router.on(trigger.eventClass(), (envelope, event) -> intake.accept(trigger.notificationsFor(envelope, event)));
    }
}
