package org.civictaskforce.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Double-submit CSRF check for the web client: the {@code XSRF-TOKEN} cookie's value must come back
 * in the {@code X-XSRF-TOKEN} header (plain, as in Spring Security's single-page-application
 * pattern; the cookie itself is no secret the page could leak). Only the sign-out form may send it
 * as the {@code _csrf} form field instead, because a form post navigates to the identity service's
 * sign-out page; the bodies of proxied API requests are never read here.
 */
final class CsrfTokenHandler implements ServerCsrfTokenRequestHandler {

    static final String LOGOUT_PATH = "/logout";

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        exchange.getAttributes().put(CsrfToken.class.getName(), csrfToken.cache());
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
        if (header != null) {
            return Mono.just(header);
        }
        if (isLogoutForm(exchange)) {
            return exchange.getFormData().flatMap(form -> Mono.justOrEmpty(form.getFirst(csrfToken.getParameterName())));
        }
        return Mono.empty();
    }

    private static boolean isLogoutForm(ServerWebExchange exchange) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        return HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && LOGOUT_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())
                && type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type);
    }
}
