package org.civictaskforce.notification.web;

import java.util.UUID;

import org.civictaskforce.platform.testing.MongoTestServer;
import org.civictaskforce.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The served OpenAPI document is the committed contract web-client/openapi/notification.json that the web client's
 * types are generated from (see {@link OpenApiContract}; {@code -Dopenapi.write=true} refreshes the file).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OpenApiDocumentIT {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoTestServer.uri("notification-openapi-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted(port, "notification");
    }
}
