package org.civictaskforce.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import org.springframework.context.annotation.Configuration;

/**
 * Connects the Reactor context entry {@link CorrelationId#CONTEXT_KEY} to the logging MDC of the
 * same name. With {@code spring.reactor.context-propagation=auto}, Reactor restores it on whichever
 * thread runs the next operator, so every log line written while handling a request carries the id.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationLogContext {

    public CorrelationLogContext() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationId.CONTEXT_KEY,
                () -> MDC.get(CorrelationId.CONTEXT_KEY),
                value -> MDC.put(CorrelationId.CONTEXT_KEY, value),
                () -> MDC.remove(CorrelationId.CONTEXT_KEY));
    }
}
