package org.civictaskforce.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every consumer binding does with a record its handler cannot process, from the binding's own
 * configuration, so an operator changes it without touching code:
 * <ul>
 * <li>retried in the listener container with exponential back-off ({@code consumer.max-attempts},
 * {@code back-off-initial-interval}, {@code back-off-multiplier}, {@code back-off-max-interval}) — in the
 * container rather than in the binder's in-memory retry, so the consumer's position stays on the record
 * and a rebalance during the back-off cannot skip it;</li>
 * <li>then parked on the binding's dead-letter topic ({@code spring.cloud.stream.kafka.bindings.<b>.consumer.enable-dlq}
 * and {@code dlq-name}, by convention {@code <topic>.<group>.dlt}) with the reason in the standard
 * {@code kafka_dlt-*} headers, which {@link DeadLetters} lists and re-drives;</li>
 * <li>a {@link MalformedEventException} (and any type the binding lists as {@code retryable-exceptions.<class>: false})
 * is parked at once: retrying cannot mend it;</li>
 * <li>a binding without a dead-letter topic skips the record after its attempts and logs where it was
 * (never its content);</li>
 * <li>a binding listed in {@code platform.consumers.retry-forever} retries with its back-off until the record is
 * handled — the contacts topic, whose records may neither be copied where erasure cannot reach nor be lost;</li>
 * <li>a record that failed because the service's store could not be reached is retried the same way, on every
 * binding: the record is not at fault, and a store outage must not park what arrived during it.</li>
 * </ul>
 * The correlation id travels from the record's {@code ce_correlationid} header into the handler's log lines and
 * the events it raises ({@link CorrelationRecordInterceptor}).
 */
public class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

    private final DefaultKafkaProducerFactory<Object, Object> producers;
    private final KafkaTemplate<Object, Object> deadLetterTemplate;
    private final Set<String> retryForever;
    private final MeterRegistry meters;

    /**
     * @param producerProperties Boot's producer settings (idempotent, {@code acks=all}); records are parked
     *        and re-driven exactly as they came in, as bytes
     * @param retryForever the bindings whose failing record is retried until it is handled
     * @param meters counts the records given up: {@code consumer.records.parked} (tag {@code topic}: the dead-letter
     *        topic) and {@code consumer.records.skipped} (tag {@code topic}: the record's own), which alerts watch
     */
    public ConsumerErrorHandling(Map<String, Object> producerProperties, Set<String> retryForever,
            MeterRegistry meters) {
        this.retryForever = Set.copyOf(retryForever);
        this.meters = meters;
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.deadLetterTemplate = new KafkaTemplate<>(producers);
    }

    /** The producer that parks records and that {@link DeadLetters} re-drives them with. */
    public KafkaOperations<Object, Object> deadLetterTemplate() {
        return deadLetterTemplate;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        throw new IllegalStateException("the binder always passes the binding's properties");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        KafkaConsumerProperties kafka = properties.getExtension();
        ConsumerRecordRecoverer recoverer;
        if (kafka.isEnableDlq()) {
            if (kafka.getDlqName() == null || kafka.getDlqName().isBlank()) {
                throw new IllegalStateException("binding " + properties.getBindingName()
                        + " parks failed records but names no dead-letter topic: set spring.cloud.stream.kafka.bindings."
                        + properties.getBindingName() + ".consumer.dlq-name (by convention " + destinationName + "."
                        + group + ".dlt)");
            }
            String deadLetterTopic = kafka.getDlqName();
            DeadLetterPublishingRecoverer parking = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                    (record, exception) -> new TopicPartition(deadLetterTopic, -1));
            // the headers name the handler's own exception, not the container's and the binder's wrappers
            recoverer = (record, exception) -> {
                parking.accept(record, reason(exception));
                meters.counter("consumer.records.parked", "topic", deadLetterTopic).increment();
            };
        } else {
            recoverer = (record, exception) -> {
                log.warn("skipped record {}-{}@{} after its attempts: {}", record.topic(), record.partition(),
                        record.offset(), rootType(exception));
                meters.counter("consumer.records.skipped", "topic", record.topic()).increment();
            };
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOffFor(properties, backOff));
        handler.setBackOffFunction((record, exception) -> storeUnreachable(exception) ? unbounded(properties) : null);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        properties.getRetryableExceptions().forEach((type, retryable) -> {
            if (!retryable && Exception.class.isAssignableFrom(type)) {
                handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
            }
        });
        container.setCommonErrorHandler(handler);
        ((AbstractMessageListenerContainer<Object, Object>) container)
                .setRecordInterceptor(new CorrelationRecordInterceptor());
    }

    /** How long to wait between a binding's attempts: the binder's back-off, or without an end where configured. */
    BackOff backOffFor(ExtendedConsumerProperties<KafkaConsumerProperties> properties, @Nullable BackOff binders) {
        if (retryForever.contains(properties.getBindingName())) {
            return unbounded(properties);
        }
        return binders != null ? binders : new FixedBackOff(0L, 0L);
    }

    /** The binding's exponential back-off without an end: its waits grow to the binding's maximum and stay there. */
    static BackOff unbounded(ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.getBackOffInitialInterval(),
                properties.getBackOffMultiplier());
        backOff.setMaxInterval(properties.getBackOffMaxInterval());
        return backOff;
    }

    /**
     * Whether the record failed because the service's own store could not be reached. Such a record is not at fault:
     * it is retried with the binding's back-off until the store is back, never parked (a store outage would otherwise
     * park every record that arrived during it).
     */
    static boolean storeUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    /** The first exception in the chain that is not a listener container's or a binder's wrapper. */
    static Exception reason(Exception e) {
        Throwable cause = e;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof MessagingException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof Exception exception ? exception : e;
    }

    private static String rootType(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName();
    }
}
