package org.civictaskforce.strategy.messaging;

import static org.civictaskforce.platform.messaging.InboundEvents.require;

import org.civictaskforce.contracts.research.FindingAccepted;
import org.civictaskforce.platform.messaging.EventConsumer;
import org.civictaskforce.platform.messaging.EventRouter;
import org.civictaskforce.strategy.application.StrategyInputs;
import org.springframework.stereotype.Component;

/** Keeps the ids of accepted research findings, which a strategy draft may link as evidence. */
@Component("researchEvents")
public class ResearchEventsListener extends EventConsumer {

    public ResearchEventsListener(StrategyInputs inputs) {
        super(new EventRouter().on(FindingAccepted.class, (envelope, event) -> {
            require(envelope, event.findingId(), "findingId");
            require(envelope, event.acceptedAt(), "acceptedAt");
            inputs.findingAccepted(event.findingId(), event.assignmentId(), event.version(), event.acceptedAt());
        }));
    }
}
