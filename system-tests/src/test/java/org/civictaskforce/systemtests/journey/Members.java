package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.civictaskforce.systemtests.journey.GatewayClient.Answer;

/** People brought into the working group through the gateway, by a coordinator and by the person themself. */
final class Members {
    private Members() {
    }

    /**
     * Registers, invites and activates an expert in {@code country} ({@code timeZone}); the person accepts and
     * consents themself. Returns their person id.
     */
    static String activeExpert(GatewayClient coordinator, String name, String country, String timeZone) {
        return activeExpert(coordinator, name, "expert-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.org", country, timeZone);
    }

    /** As above, with an address the caller knows (to find the person's e-mails). */
    static String activeExpert(GatewayClient coordinator, String name, String email, String country,
            String timeZone) {
        Answer created = coordinator.post("/api/membership/people", """
                {"displayName":"%s","fullName":"%s Example","email":"%s","country":"%s","preferredLanguage":"ru",
                 "timeZone":"%s","roles":["EXPERT"],"expertise":["ebrd"]}""".formatted(name, name, email, country,
                timeZone));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(coordinator.post("/api/membership/people/" + id + "/invitations", null).status()).isEqualTo(201);
        GatewayClient self = coordinator.as(id);
        assertThat(self.post("/api/membership/people/" + id + "/invitation/accept", null).status()).isEqualTo(200);
        assertThat(self.post("/api/membership/people/" + id + "/consent",
                "{\"noticeVersion\":\"2026-01\",\"agreedTo\":[\"membership\",\"contact-by-email\"]}").status())
                .isEqualTo(200);
        Answer activated = coordinator.post("/api/membership/people/" + id + "/activate", null);
        assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
        return id;
    }
}
