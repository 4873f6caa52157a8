package org.civictaskforce.gateway.session;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionIdResolver;

import reactor.core.publisher.Mono;

/**
 * Leaves the browser's session cookie alone when a request names a session that no longer exists, and deletes it
 * only when this request ended the session (sign-out, a revoked person).
 * <p>
 * Why: signing in replaces the pending session with a new one (a new id against session fixation). A request the
 * browser sent with the old id just before the sign-in's answer came back — the service worker fetches the shell's
 * files two at a time while the person signs in — finds no session, and Spring's {@code DefaultWebSessionManager}
 * answers it with {@code Set-Cookie: SESSION=; Max-Age=0}. Arriving after the sign-in's answer, that deleted the new
 * cookie: the person was signed out at once and stayed so. A cookie that names no session costs nothing to keep: it
 * is found to be nobody's at every request, and the next sign-in replaces it.
 * <p>
 * So a session is ended through {@link #end(ServerWebExchange)}, which marks the exchange: only then is the cookie
 * deleted.
 */
public final class ReplacedSessionCookies implements WebSessionIdResolver {

    private static final String ENDED_HERE = ReplacedSessionCookies.class.getName() + ".ENDED_HERE";

    private final WebSessionIdResolver cookies;

    public ReplacedSessionCookies(WebSessionIdResolver cookies) {
        this.cookies = cookies;
    }

    /** Wraps whichever resolver Spring Boot configured (cookie name, flags), for either session store. */
    public static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof WebSessionIdResolver resolver && !(bean instanceof ReplacedSessionCookies)
                        ? new ReplacedSessionCookies(resolver) : bean;
            }
        };
    }

    /** Ends the exchange's session (sign-out, a revoked person), and the browser is told to forget its cookie. */
    public static Mono<Void> end(ServerWebExchange exchange) {
        exchange.getAttributes().put(ENDED_HERE, Boolean.TRUE);
        return exchange.getSession().flatMap(WebSession::invalidate);
    }

    @Override
    public List<String> resolveSessionIds(ServerWebExchange exchange) {
        return cookies.resolveSessionIds(exchange);
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String sessionId) {
        cookies.setSessionId(exchange, sessionId);
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        if (exchange.getAttribute(ENDED_HERE) != null) {
            cookies.expireSession(exchange);
        }
    }
}
