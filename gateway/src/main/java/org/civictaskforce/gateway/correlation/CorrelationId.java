package org.civictaskforce.gateway.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id that ties together every log line and event caused by one client request.
 * A client may bring its own; anything that is not a short, plain token is replaced, so that a
 * caller cannot smuggle text into logs or downstream headers.
 */
public final class CorrelationId {

    /** The HTTP header, on the request (in and downstream) and on every response. */
    public static final String HEADER = "X-Correlation-Id";

    /** The exchange attribute holding the id of the current request. */
    public static final String ATTRIBUTE = CorrelationId.class.getName();

    /** The key in the Reactor context and in the logging MDC. */
    public static final String CONTEXT_KEY = "correlationId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** The given value if it is a sane correlation id (1 to 64 characters of A-Z a-z 0-9 - _ .). */
    public static Optional<String> sanitize(String candidate) {
        if (candidate == null || !SANE.matcher(candidate).matches()) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** The id of the exchange's request, or null before {@link CorrelationIdWebFilter} has run. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
