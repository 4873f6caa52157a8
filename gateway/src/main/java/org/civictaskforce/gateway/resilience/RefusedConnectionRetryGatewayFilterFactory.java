package org.civictaskforce.gateway.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code RefusedConnectionRetry=<retries>}: sends a write (POST, PUT, PATCH, DELETE) again when the instance the load
 * balancer chose refused the connection, so that a killed replica costs its share of writes a retry, not a 503. A
 * refused connection never reached a service, so the write cannot be applied twice; any other failure (a connection
 * that broke after the request was sent, a timeout, an error status) is left alone. Each try goes through the load
 * balancer again, which picks the next instance. Reads are the {@code Retry} filter's (a second {@code Retry} on one
 * route would share its count of tries).
 */
@Component
public class RefusedConnectionRetryGatewayFilterFactory
        extends AbstractGatewayFilterFactory<RefusedConnectionRetryGatewayFilterFactory.Config> {

    private static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    public RefusedConnectionRetryGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("retries");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> {
            if (!WRITES.contains(exchange.getRequest().getMethod())) {
                return chain.filter(exchange);
            }
            return Mono.defer(() -> chain.filter(exchange))
                    .retryWhen(Retry.backoff(config.getRetries(), Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                            .filter(RefusedConnectionRetryGatewayFilterFactory::refused)
                            .doBeforeRetry(signal -> ServerWebExchangeUtils.reset(exchange))
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        };
    }

    static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    public static class Config {
        private int retries = 2;

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }
    }
}
