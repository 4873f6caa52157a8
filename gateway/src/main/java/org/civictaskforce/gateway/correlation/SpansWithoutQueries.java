package org.civictaskforce.gateway.correlation;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Keeps query strings out of the gateway's spans. The gateway's route observation tags the whole request URI, query
 * included, and a query may hold what a person searched for (a name): every tag whose key names a URL or URI keeps
 * what comes before the {@code ?}. The services do the same with platform-kit's filter of the same name (the gateway
 * does not load the servlet kit).
 */
@Component
public class SpansWithoutQueries implements ObservationFilter {

    @Override
    public Observation.Context map(Observation.Context context) {
        for (KeyValue tag : context.getHighCardinalityKeyValues()) {
            withoutQuery(tag).ifPresent(context::addHighCardinalityKeyValue);
        }
        for (KeyValue tag : context.getLowCardinalityKeyValues()) {
            withoutQuery(tag).ifPresent(context::addLowCardinalityKeyValue);
        }
        return context;
    }

    private static Optional<KeyValue> withoutQuery(KeyValue tag) {
        String key = tag.getKey().toLowerCase(Locale.ROOT);
        int query = tag.getValue().indexOf('?');
        if (query < 0 || !(key.contains("url") || key.contains("uri"))) {
            return Optional.empty();
        }
        return Optional.of(KeyValue.of(tag.getKey(), tag.getValue().substring(0, query)));
    }
}
