package org.civictaskforce.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.civictaskforce.gateway.correlation.CorrelationId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Writes {@link Problem}s as {@code application/problem+json}: the one shape of every gateway error. */
@Component
public class ProblemResponses {

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The JSON body; carries the correlation id as an extension member so a user can quote it. */
    public byte[] toJson(Problem problem, ServerWebExchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        String correlationId = CorrelationId.of(exchange);
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        return jsonMapper.writeValueAsBytes(body);
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        byte[] json = toJson(problem, exchange);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        // whatever a failed downstream answer left behind describes another body
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(json.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json)));
    }
}
