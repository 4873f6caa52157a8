package org.civictaskforce.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civictaskforce.identity.IdentityTestSupport.call;
import static org.civictaskforce.identity.IdentityTestSupport.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.model.Filters;

/**
 * identity-service reads request bodies like every other service (platform-kit's one rule): an
 * unknown property or a value of another type is a 400, never coerced; a text beyond its limit is a
 * 422. Nothing is stored on a refusal.
 */
class StrictAndBoundedBodiesIT extends IdentityIntegrationTestBase {

    private long enrolmentsOf(String personId) {
        return mongo.getCollection("enrolments").countDocuments(Filters.eq("_id", personId));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"personId\":12345}", "{\"personId\":true}",
            "{\"personId\":\"strict-person\",\"actorId\":\"evil\"}", "{\"personId\":\"strict-person\",\"roles\":[\"coordinator\"]}" })
    void anEnrolmentBodyOfAnotherTypeOrWithAnUnknownPropertyIsA400AndNoLinkIsIssued(String body) {
        String coordinator = coordinatorToken();

        problem(call("POST", base + "/api/identity/enrolments", coordinator, body), 400,
                "/problems/malformed-request");

        assertThat(enrolmentsOf("strict-person") + enrolmentsOf("12345") + enrolmentsOf("true")).isZero();
    }

    @Test
    void anOverLongPersonIdIsA422AndNoLinkIsIssued() {
        String personId = "p".repeat(65);

        problem(call("POST", base + "/api/identity/enrolments", coordinatorToken(), "{\"personId\":\"" + personId + "\"}"),
                422, "/problems/validation");

        assertThat(enrolmentsOf(personId)).isZero();
    }

    @Test
    void anEnrolmentWithATypedOrOverLongUsernameIsRefusedAndNoAccountIsCreated() {
        long accounts = mongo.getCollection("accounts").countDocuments();

        problem(call("POST", base + "/enrol", null,
                "{\"token\":\"t\",\"username\":true,\"password\":\"a long enough password\"}"), 400,
                "/problems/malformed-request");
        problem(call("POST", base + "/enrol", null,
                "{\"token\":\"t\",\"username\":\"" + "u".repeat(65) + "\",\"password\":\"a long enough password\"}"),
                422, "/problems/validation");

        assertThat(mongo.getCollection("accounts").countDocuments()).isEqualTo(accounts);
    }
}
