package org.civictaskforce.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civictaskforce.platform.outbox.OutboxEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** The trace a request was in survives the outbox: stored with the event, continued when it is published. */
class OutboxTracingTest {
    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new Collecting())).build();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("test");
    private final OtelTracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> { });
    private final OtelPropagator propagator = new OtelPropagator(otel.getPropagators(), otelTracer);
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final OutboxTracing tracing = new OutboxTracing(tracer, propagator, observations);

    OutboxTracingTest() {
        observations.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void anEventRaisedInARequestIsPublishedInThatRequestsTrace() {
        Observation request = Observation.start("http.server.requests", observations);
        String traceParent;
        String requestTrace;
        try (Observation.Scope scope = request.openScope()) {
            traceParent = tracing.currentTraceParent();
            requestTrace = tracer.currentSpan().context().traceId();
        } finally {
            request.stop();
        }
        assertThat(traceParent).startsWith("00-" + requestTrace + "-").endsWith("-01");

        // later, on the relay's thread, outside any trace
        assertThat(tracer.currentSpan()).isNull();
        tracing.publishing(event(traceParent)).observe(() -> { });

        SpanData publish = finished.stream().filter(s -> s.getName().startsWith("outbox publish")).findFirst()
                .orElseThrow();
        assertThat(publish.getName()).isEqualTo("outbox publish org.civictaskforce.test.happened");
        assertThat(publish.getTraceId()).isEqualTo(requestTrace);
        assertThat(publish.getParentSpanId()).isEqualTo(traceParent.split("-")[2]);
    }

    @Test
    void anEventRaisedOutsideATraceStartsOneWhenPublished() {
        assertThat(tracing.currentTraceParent()).isNull();
        tracing.publishing(event(null)).observe(() -> { });
        assertThat(finished).singleElement().satisfies(s -> assertThat(s.getParentSpanContext().isValid()).isFalse());
        assertThat(OutboxTracing.NONE.currentTraceParent()).isNull();
    }

    private static OutboxEvent event(String traceParent) {
        return new OutboxEvent("e-1", "org.civictaskforce.test.happened", "/test", "subject-1", Instant.now(), 1,
                "cid-1", "{}", null, null, traceParent);
    }

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            finished.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
