package org.civictaskforce.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

class GatewaySecurityConfigurationTest {

    private final GatewaySecurityConfiguration configuration = new GatewaySecurityConfiguration();

    @Test
    void theRegistrationIsExplicitAndNeedsNoSecretToStart() {
        GatewaySecurityProperties properties = new GatewaySecurityProperties("https://id.example", "http://identity:9000/oauth2/jwks",
                null, List.of(), new GatewaySecurityProperties.Client("civic", "civic-gateway", null,
                        "https://id.example/oauth2/authorize", "http://identity:9000/oauth2/token",
                        "https://id.example/connect/logout"),
                new GatewaySecurityProperties.Revocation(false, "localhost:9092", java.time.Duration.ofMinutes(15)));

        ClientRegistration civic = configuration.clientRegistrations(properties).findByRegistrationId("civic").block();

        assertThat(civic.getClientId()).isEqualTo("civic-gateway");
        assertThat(civic.getScopes()).containsExactly("openid");
        assertThat(civic.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
        assertThat(civic.getProviderDetails().getIssuerUri()).isEqualTo("https://id.example");
        assertThat(civic.getProviderDetails().getTokenUri()).isEqualTo("http://identity:9000/oauth2/token");
        assertThat(civic.getProviderDetails().getJwkSetUri()).isEqualTo("http://identity:9000/oauth2/jwks");
        assertThat(civic.getProviderDetails().getConfigurationMetadata())
                .containsEntry("end_session_endpoint", "https://id.example/connect/logout");
    }

    @ParameterizedTest
    @CsvSource({
            "POST, true, , true",
            "DELETE, true, , true",
            "PUT, true, Basic eA==, true",
            "POST, true, Bearer x, false",
            "POST, false, , false",
            "GET, true, , false",
            "HEAD, true, , false" })
    void csrfIsCheckedOnChangesThatComeWithTheSessionAndNoBearerToken(String method, boolean session,
            String authorization, boolean checked) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(HttpMethod.valueOf(method),
                "/api/membership/people");
        if (session) {
            request.cookie(new HttpCookie("SESSION", "s-1"));
        }
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }

        boolean matched = GatewaySecurityConfiguration.sessionChanges("SESSION")
                .matches(MockServerWebExchange.from(request)).block().isMatch();

        assertThat(matched).isEqualTo(checked);
    }
}
