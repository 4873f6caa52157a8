package org.civictaskforce.gateway.problem;

import java.net.ConnectException;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.correlation.CorrelationId;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway itself answers (unknown path, wrong method, oversize body, anything
 * unexpected) becomes a problem+json response: never a stack trace, never Boot's default error
 * JSON. Ordered before Boot's own handler, which therefore never runs.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses problems;

    public ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = toProblem(error);
        logError(exchange, problem, error);
        if (error instanceof ResponseStatusException statusError) {
            // e.g. Allow on 405
            exchange.getResponse().getHeaders().putAll(statusError.getHeaders());
        }
        return problems.write(exchange, problem);
    }

    private static Problem toProblem(Throwable error) {
        if (error instanceof ResponseStatusException statusError) {
            return Problem.of(statusError.getStatusCode(), detailFor(statusError.getStatusCode()));
        }
        if (error instanceof ConnectException) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "A service behind the gateway is not reachable.");
        }
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not handle the request.");
    }

    private static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is malformed.";
            case 404 -> "Nothing is served at this path.";
            case 405 -> "This method is not supported at this path.";
            case 406 -> "None of the accepted media types can be produced.";
            case 413 -> "The request body is larger than the gateway accepts.";
            case 415 -> "The request's media type is not supported.";
            case 504 -> "A service behind the gateway did not answer in time.";
            default -> status.is5xxServerError() ? "The gateway could not handle the request."
                    : "The request could not be handled.";
        };
    }

    // The error handler runs outside the filter chain's Reactor context: set the MDC explicitly.
    private static void logError(ServerWebExchange exchange, Problem problem, Throwable error) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.CONTEXT_KEY,
                Objects.requireNonNullElse(CorrelationId.of(exchange), "-"))) {
            if (problem.status().value() == 500) {
                log.error("Unexpected error for {} {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), error);
            }
            else if (problem.status().is5xxServerError()) {
                log.warn("{} for {} {}: {}", problem.status().value(), exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), error.toString());
            }
            else {
                log.debug("{} for {} {}", problem.status().value(), exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath());
            }
        }
    }
}
