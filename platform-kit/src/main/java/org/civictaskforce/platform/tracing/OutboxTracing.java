package org.civictaskforce.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import org.civictaskforce.platform.outbox.OutboxEvent;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Keeps a trace unbroken across the outbox. An event is published by the relay's thread, seconds or a restart after
 * the request that raised it ended, so the request's trace context cannot travel with the thread: it is stored with
 * the event instead ({@link OutboxEvent#traceParent()}, the W3C {@code traceparent} value, taken when the event is
 * wrapped), and the relay publishes the event inside an observation continuing that trace
 * ({@link #publishing(OutboxEvent)}). The binder's own producer observation, a child of it, then writes the
 * {@code traceparent} header of the Kafka record, and the consumer's observation continues from there.
 *
 * <p>Only ids are kept: a trace id and a span id, never anything from the request.
 */
public class OutboxTracing {
    /** The W3C trace context header (https://www.w3.org/TR/trace-context/). */
    public static final String TRACEPARENT = "traceparent";

    /** Without a tracer: nothing is stored, publishing is not observed. */
    public static final OutboxTracing NONE = new OutboxTracing(null, null, ObservationRegistry.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    public OutboxTracing(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** The current trace context as a W3C {@code traceparent} value, or {@code null} outside a trace. */
    public String currentTraceParent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * An observation (not yet started) of publishing {@code event}, continuing the trace the event was raised in (a
     * new trace when it was raised outside one, or stored before traces were kept). Its name and tags are the
     * event's type and the relay: no payload, no subject.
     */
    public Observation publishing(OutboxEvent event) {
        Map<String, String> carrier = event.traceParent() == null ? Map.of()
                : Map.of(TRACEPARENT, event.traceParent());
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((c, key) -> c.get(key), Kind.CONSUMER);
        context.setCarrier(carrier);
        context.setRemoteServiceName("outbox");
        return Observation.createNotStarted("outbox.publish", () -> context, observations)
                .contextualName("outbox publish " + event.type())
                .lowCardinalityKeyValue("event.type", event.type());
    }
}
