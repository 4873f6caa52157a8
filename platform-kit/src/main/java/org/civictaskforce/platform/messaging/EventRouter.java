package org.civictaskforce.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventTypes;

/**
 * Sends each consumed event to the handler registered for its CloudEvents {@code type}, with the
 * payload read as that event's record. Types nobody registered for are ignored: a topic carries more
 * event types than any one consumer cares about, and new types appear without notice.
 *
 * <p>A record that is not an envelope, or whose payload does not match its contract, raises
 * {@link org.civictaskforce.platform.messaging.MalformedEventException} and goes straight to the
 * dead-letter topic.
 */
public final class EventRouter {
    private final Map<String, Consumer<EventEnvelope>> routes = new LinkedHashMap<>();

    /** Registers the handler of one event type; the handler receives the envelope (for its id) and the payload. */
    public <T> EventRouter on(Class<T> eventClass, BiConsumer<EventEnvelope, T> handler) {
        String type = EventTypes.typeOf(eventClass);
        if (routes.putIfAbsent(type, envelope -> handler.accept(envelope, InboundEvents.data(envelope, eventClass))) != null) {
            throw new IllegalStateException("a handler for " + type + " is already registered");
        }
        return this;
    }

    /**
     * Handles one record.
     *
     * @return the envelope if a handler took it, empty if its type is not routed (ignored)
     */
    public Optional<EventEnvelope> dispatch(ConsumerRecord<String, String> record) {
        return dispatch(InboundRecord.of(record));
    }

    /** As {@link #dispatch(ConsumerRecord)}, for a record delivered by the binder. */
    public Optional<EventEnvelope> dispatch(InboundRecord record) {
        EventEnvelope envelope = InboundEvents.envelope(record);
        Consumer<EventEnvelope> route = routes.get(envelope.type());
        if (route == null) {
            return Optional.empty();
        }
        route.accept(envelope);
        return Optional.of(envelope);
    }
}
