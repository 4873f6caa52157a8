package org.civictaskforce.notification.messaging;

import java.util.List;

import org.civictaskforce.notification.application.NotificationIntake;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.springframework.stereotype.Component;

/**
 * Reads {@code research.events.v1} and records the notifications of the research triggers
 * ({@link ResearchTriggers}); other types are ignored. Malformed records are parked on the dead-letter
 * topic; other failures are retried, then parked (platform-kit's error handler).
 */
@Component("researchEvents")
public class ResearchEventsListener extends EventConsumer {

    public ResearchEventsListener(List<NotificationTrigger<?>> triggers, NotificationIntake intake) {
        super(TriggerRoutes.of(triggers, "research", intake));
    }
}
