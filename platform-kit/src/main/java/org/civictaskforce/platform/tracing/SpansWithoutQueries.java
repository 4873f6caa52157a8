package org.civictaskforce.platform.tracing;

import java.util.Locale;
import java.util.Optional;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

/**
 * Keeps query strings out of spans. A request's path holds ids only, but its query may hold what a person searched
 * for (a name) and an outgoing call's may hold a secret (a webhook's token): every tag whose key names a URL or URI
 * keeps what comes before the {@code ?}. Spans go to a tracing backend that operators read; no personal data goes
 * there. (The gateway, which does not load this kit, has the same filter.)
 */
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
