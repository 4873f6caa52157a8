package org.civictaskforce.gateway.resilience;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.problem.Problem;
import org.civictaskforce.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The answer when a service cannot be reached: a problem+json that names the service, 504 when it
 * did not answer in time, 503 otherwise (refused or broken connection, or the circuit is open).
 * Only reachable through a circuit breaker's forward; a direct request gets 404.
 */
@Component
public class ServiceFallbackHandler implements HandlerFunction<ServerResponse> {

    static final String PATH_PATTERN = "/fallback/{service}";

    private static final Logger log = LoggerFactory.getLogger(ServiceFallbackHandler.class);

    private final ProblemResponses problems;
    private final CircuitBreakerProperties circuitBreaker;

    public ServiceFallbackHandler(ProblemResponses problems, CircuitBreakerProperties circuitBreaker) {
        this.problems = problems;
        this.circuitBreaker = circuitBreaker;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        ResponseStatusException clientError = find(failure, ResponseStatusException.class);
        if (clientError != null && clientError.getStatusCode().is4xxClientError()) {
            return Mono.error(clientError);
        }
        String service = request.pathVariable("service");
        log.warn("Fallback answer for the {} service after: {}", service, describe(failure));
        if (isTimeout(failure)) {
            return problem(exchange, Problem.of(HttpStatus.GATEWAY_TIMEOUT,
                    "The %s service did not answer in time. Please try again later.".formatted(service)), null);
        }
        if (failure instanceof CallNotPermittedException) {
            return problem(exchange, Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "The %s service is failing; requests to it are paused for a moment. Please try again shortly."
                            .formatted(service)),
                    Long.toString(Math.max(1, circuitBreaker.waitDurationInOpenState().toSeconds())));
        }
        return problem(exchange, Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The %s service is unavailable right now. Please try again shortly.".formatted(service)), null);
    }

    private Mono<ServerResponse> problem(ServerWebExchange exchange, Problem problem, String retryAfter) {
        ServerResponse.BodyBuilder response = ServerResponse.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.bodyValue(problems.toJson(problem, exchange));
    }

    private static boolean isTimeout(Throwable failure) {
        ResponseStatusException status = find(failure, ResponseStatusException.class);
        return (status != null && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())
                || find(failure, TimeoutException.class) != null
                || find(failure, org.springframework.cloud.gateway.support.TimeoutException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    // class and message only: no stack trace for an expected outage
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.toString() : failure + " (cause: " + root + ")";
    }
}
