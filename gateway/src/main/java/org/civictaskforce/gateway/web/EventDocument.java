package org.civictaskforce.gateway.web;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The AsyncAPI document of every topic and event (event-contracts' {@code asyncapi.json}, generated from the
 * JSON Schemas), served beside the services' OpenAPI documents at {@code /api-docs/events}, without sign-in:
 * it describes the contracts and holds no personal data.
 */
@Configuration(proxyBeanMethods = false)
class EventDocument {
    static final String PATH = "/api-docs/events";

    @Bean
    RouterFunction<ServerResponse> eventDocumentRoute() {
        ClassPathResource document = new ClassPathResource("asyncapi.json");
        return route(RequestPredicates.GET(PATH), request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache()).bodyValue(document));
    }
}
