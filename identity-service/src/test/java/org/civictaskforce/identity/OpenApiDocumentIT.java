package org.civictaskforce.identity;

import org.civictaskforce.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document (the /api/identity API only, open without sign-in like the other services')
 * is the committed contract web-client/openapi/identity.json that the web client's types are generated
 * from (see {@link OpenApiContract}; {@code -Dopenapi.write=true} refreshes the file).
 */
class OpenApiDocumentIT extends IdentityIntegrationTestBase {

    @Test
    void theServedDocumentIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted(port, "identity");
    }
}
