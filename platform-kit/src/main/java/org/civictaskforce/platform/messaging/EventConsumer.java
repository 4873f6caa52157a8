package org.civictaskforce.platform.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The one way a service consumes a topic: a functional bean (Spring Cloud Stream binds it by name,
 * e.g. {@code membershipEvents-in-0}, to the topic its configuration names) that hands each event to
 * the handler its {@link EventRouter} registered for the event's type.
 *
 * <p>Retries, back-off, the dead-letter topic and concurrency are the binding's configuration
 * ({@code spring.cloud.stream.bindings.<name>-in-0.consumer.*}, {@code spring.cloud.stream.kafka.bindings.…}),
 * applied by {@link ConsumerErrorHandling}. Logs ids and types only: people in this system must not be
 * identifiable from the logs.
 */
public abstract class EventConsumer implements Consumer<Message<byte[]>> {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final EventRouter router;

    protected EventConsumer(EventRouter router) {
        this.router = router;
    }

    @Override
    public void accept(Message<byte[]> message) {
        InboundRecord record = InboundRecord.of(message);
        router.dispatch(record).ifPresentOrElse(
                envelope -> log.debug("applied {} {}", envelope.type(), envelope.id()),
                () -> log.debug("ignored a record at {} of a type not consumed here", record.position()));
    }
}
