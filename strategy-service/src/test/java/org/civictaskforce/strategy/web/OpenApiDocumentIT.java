package org.civictaskforce.strategy.web;


import org.civictaskforce.platform.testing.OpenApiContract;
import org.civictaskforce.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The served OpenAPI document is the committed contract web-client/openapi/strategy.json that the web client's
 * types are generated from (see {@link OpenApiContract}; {@code -Dopenapi.write=true} refreshes the file).
 */
@ServiceTest
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted(port, "strategy");
    }
}
