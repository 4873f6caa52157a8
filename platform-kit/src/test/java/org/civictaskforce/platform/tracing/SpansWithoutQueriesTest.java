package org.civictaskforce.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;

class SpansWithoutQueriesTest {

    @Test
    void cutsTheQueryFromEveryUrlOrUriTagAndLeavesTheRest() {
        Observation.Context context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of("http.url", "/api/membership/people?q=Aigerim%20Nurlanovna"));
        context.addHighCardinalityKeyValue(KeyValue.of("url.full", "https://hooks.example.org/in?token=s3cret"));
        context.addLowCardinalityKeyValue(KeyValue.of("uri", "/api/membership/people?q=Dana"));
        context.addHighCardinalityKeyValue(KeyValue.of("messaging.destination", "topic?odd"));
        context.addLowCardinalityKeyValue(KeyValue.of("method", "GET"));

        new SpansWithoutQueries().map(context);

        assertThat(context.getHighCardinalityKeyValue("http.url").getValue()).isEqualTo("/api/membership/people");
        assertThat(context.getHighCardinalityKeyValue("url.full").getValue()).isEqualTo("https://hooks.example.org/in");
        assertThat(context.getLowCardinalityKeyValue("uri").getValue()).isEqualTo("/api/membership/people");
        assertThat(context.getHighCardinalityKeyValue("messaging.destination").getValue())
                .as("not a URL: left alone").isEqualTo("topic?odd");
        assertThat(context.getLowCardinalityKeyValue("method").getValue()).isEqualTo("GET");
    }
}
