package org.civictaskforce.membership.messaging;

import static org.civictaskforce.platform.messaging.InboundEvents.require;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.research.InstitutionCatalogued;
import org.civictaskforce.membership.persistence.InstitutionCatalogue;
import org.civictaskforce.platform.messaging.EventRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the institution catalogue from {@code research.events.v1} ({@code InstitutionCatalogued}),
 * against which decisions on target institutions are checked; other research events are ignored.
 */
@Component
public class ResearchEventsListener {
    private static final Logger log = LoggerFactory.getLogger(ResearchEventsListener.class);

    private final EventRouter router;

    public ResearchEventsListener(InstitutionCatalogue catalogue) {
        this.router = new EventRouter()
                .on(InstitutionCatalogued.class, (envelope, event) -> {
                    require(envelope, event.institutionId(), "institutionId");
                    require(envelope, event.name(), "name");
                    catalogue.record(envelope.id(), event.institutionId(), event.name(), event.cataloguedAt());
                });
    }

    @KafkaListener(topics = Topics.RESEARCH_EVENTS)
    public void on(ConsumerRecord<String, String> record) {
        router.dispatch(record).ifPresentOrElse(
                envelope -> log.debug("applied {} {}", envelope.type(), envelope.id()),
                () -> log.debug("ignored a record at {}-{}@{} of a type not consumed here", record.topic(),
                        record.partition(), record.offset()));
    }
}
