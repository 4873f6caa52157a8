package org.civictaskforce.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * No span and no request metric for a request to the actuator ({@code /actuator/**}): the gateway asks every instance
 * for its readiness every few seconds, Kubernetes probes it, Prometheus scrapes it. Traced, those calls would bury the
 * traces of people's requests in the tracing backend (the dashboards already leave {@code /actuator} out of the
 * request metrics).
 */
public class ProbesUnobserved implements ObservationPredicate {

    @Override
    public boolean test(String name, Observation.Context context) {
        if (context instanceof ServerRequestObservationContext request && request.getCarrier() != null) {
            String path = request.getCarrier().getRequestURI();
            return !(path.equals("/actuator") || path.startsWith("/actuator/"));
        }
        return true;
    }
}
