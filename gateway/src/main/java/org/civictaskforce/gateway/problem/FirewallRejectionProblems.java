package org.civictaskforce.gateway.problem;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What Spring Security's firewall refuses (an encoded NUL, slash, backslash or dot segment in the
 * path, a path parameter, a header value that is not printable) is still refused with 400, but as a
 * problem instead of an empty answer. The refusal's reason quotes the request: it is not echoed.
 * Picked up by {@code @EnableWebFluxSecurity} as the one rejected-exchange handler.
 */
@Component
public class FirewallRejectionProblems implements ServerExchangeRejectedHandler {

    private final ProblemResponses problems;

    public FirewallRejectionProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, Problem.of(HttpStatus.BAD_REQUEST,
                "The request's path or headers hold characters the gateway does not accept."));
    }
}
