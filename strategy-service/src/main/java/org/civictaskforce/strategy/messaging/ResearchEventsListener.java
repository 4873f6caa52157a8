package org.civictaskforce.strategy.messaging;

import static org.civictaskforce.platform.messaging.InboundEvents.require;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.research.FindingAccepted;
import org.civictaskforce.platform.messaging.EventRouter;
import org.civictaskforce.strategy.application.StrategyInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the ids of accepted research findings, which a strategy draft may link as evidence. */
@Component
public class ResearchEventsListener {
    private static final Logger log = LoggerFactory.getLogger(ResearchEventsListener.class);

    private final EventRouter router;

    public ResearchEventsListener(StrategyInputs inputs) {
        this.router = new EventRouter().on(FindingAccepted.class, (envelope, event) -> {
            require(envelope, event.findingId(), "findingId");
            require(envelope, event.acceptedAt(), "acceptedAt");
            inputs.findingAccepted(event.findingId(), event.assignmentId(), event.version(), event.acceptedAt());
        });
    }

    @KafkaListener(topics = Topics.RESEARCH_EVENTS)
    public void on(ConsumerRecord<String, String> record) {
        router.dispatch(record).ifPresent(envelope -> log.debug("applied {} {}", envelope.type(), envelope.id()));
    }
}
