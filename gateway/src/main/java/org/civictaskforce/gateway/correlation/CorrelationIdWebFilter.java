package org.civictaskforce.gateway.correlation;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id: the client's own if it is sane, a new UUID otherwise.
 * The id goes downstream in the same header, onto every response (also errors, 404, 429 and
 * fallbacks: it is set just before the response is committed, whoever writes it) and into the
 * Reactor context, from where context propagation puts it into the MDC of the gateway's log lines.
 * <p>
 * A web filter rather than a gateway global filter, because global filters only see routed requests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.sanitize(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER))
                .orElseGet(CorrelationId::generate);
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> {
            // set, not add: a service that echoes the header must not make it appear twice
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            return Mono.empty();
        });
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(Context.of(CorrelationId.CONTEXT_KEY, id));
    }
}
