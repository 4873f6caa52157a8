package org.civictaskforce.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.research.InstitutionCatalogued;
import org.civictaskforce.membership.application.InstitutionReadModel;
import org.civictaskforce.platform.testing.TestEvents;
import org.springframework.kafka.core.KafkaOperations;

/** Plays research-service: announces catalogue institutions on the real broker, as its outbox relay does. */
public final class ResearchCatalogue {
    private ResearchCatalogue() {
    }

    /** Publishes an {@code InstitutionCatalogued} per id and waits until membership's consumer applied them. */
    public static void announce(KafkaOperations<String, String> kafka, InstitutionReadModel catalogue,
            String... institutionIds) {
        for (String id : institutionIds) {
            TestEvents.publish(kafka, Topics.RESEARCH_EVENTS, EventEnvelope.of("/research-service", id,
                    new InstitutionCatalogued(id, "Institution " + id, Instant.now()), "corr-catalogue"));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(catalogue.unknown(List.of(institutionIds))).isEmpty());
    }
}
