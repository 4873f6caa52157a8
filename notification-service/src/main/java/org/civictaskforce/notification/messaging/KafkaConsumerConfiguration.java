package org.civictaskforce.notification.messaging;

import org.civictaskforce.platform.messaging.CorrelationRecordInterceptor;
import org.civictaskforce.platform.messaging.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener containers of this service.
 *
 * <p>The contacts container gets the platform's correlation interceptor explicitly (Boot applies it
 * only to its own default factory).
 *
 * <p>The contacts topic does not use the platform's dead-letter topic: parking a contact record would
 * copy a person's contact details into a topic that is not compacted, where erasing them cannot reach.
 * So a record that cannot be stored is retried until it can (a database outage must not lose an
 * update), and a malformed one is skipped and logged by offset only.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfiguration {
    public static final String FACTORY = "contactsListenerContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> contactsListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            CorrelationRecordInterceptor correlation) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setRecordInterceptor(correlation);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(60_000); // no maximum elapsed time: retried until it succeeds
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> log.warn(
                "skipped malformed contact record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                failure.getClass().getSimpleName()), backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }

}
