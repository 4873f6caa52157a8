package org.civictaskforce.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for the circuit breaker of every route (one breaker per service). Only failures to get an
 * answer count (connection refused or reset, response timeout); an error status a service chose to
 * send is its answer and passes through.
 *
 * @param failureRateThreshold        percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize           number of recent calls the rate is computed over
 * @param minimumNumberOfCalls        calls needed in the window before the rate counts
 * @param waitDurationInOpenState     how long an open breaker answers 503 at once before trying again
 * @param permittedCallsInHalfOpenState trial calls that decide whether to close again
 */
@ConfigurationProperties("gateway.circuit-breaker")
public record CircuitBreakerProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("10s") Duration waitDurationInOpenState,
        @DefaultValue("3") int permittedCallsInHalfOpenState) {
}
