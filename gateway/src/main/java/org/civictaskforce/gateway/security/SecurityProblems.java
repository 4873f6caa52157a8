package org.civictaskforce.gateway.security;

import reactor.core.publisher.Mono;

import org.civictaskforce.gateway.problem.Problem;
import org.civictaskforce.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 and 403 as the same RFC 9457 problems the services answer ({@code /problems/unauthenticated},
 * {@code /problems/forbidden}). The detail never says why a token failed beyond "missing or invalid".
 */
@Component
public class SecurityProblems {

    static final Problem UNAUTHENTICATED = new Problem(HttpStatus.UNAUTHORIZED, "/problems/unauthenticated",
            "Unauthenticated", "Sign in: this needs a valid access token (it is missing, expired or not ours).");

    static final Problem SESSION_EXPIRED = new Problem(HttpStatus.UNAUTHORIZED, "/problems/unauthenticated",
            "Unauthenticated", "The sign-in has expired: sign in again.");

    static final Problem FORBIDDEN = new Problem(HttpStatus.FORBIDDEN, "/problems/forbidden", "Forbidden",
            "This request is not allowed.");

    static final Problem CSRF = new Problem(HttpStatus.FORBIDDEN, "/problems/forbidden", "Forbidden",
            "A signed-in browser request that changes something needs the X-XSRF-TOKEN header "
                    + "(the value of the XSRF-TOKEN cookie).");

    private final ProblemResponses problems;

    public SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    public ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, e) -> unauthenticated(exchange, UNAUTHENTICATED);
    }

    public Mono<Void> unauthenticated(ServerWebExchange exchange, Problem problem) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problems.write(exchange, problem);
    }

    public ServerAccessDeniedHandler forbidden() {
        return (exchange, e) -> problems.write(exchange, FORBIDDEN);
    }

    public ServerAccessDeniedHandler csrfRefused() {
        return (exchange, e) -> problems.write(exchange, CSRF);
    }
}
