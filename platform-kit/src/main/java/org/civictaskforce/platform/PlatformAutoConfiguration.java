package org.civictaskforce.platform;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.audit.AuditController;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.health.MongoPingHealthIndicator;
import org.civictaskforce.platform.messaging.ConsumerProperties;
import org.civictaskforce.platform.messaging.CorrelationRecordInterceptor;
import org.civictaskforce.platform.messaging.DeadLetterController;
import org.civictaskforce.platform.messaging.DeadLetters;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.platform.messaging.MalformedEventException;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxProperties;
import org.civictaskforce.platform.outbox.OutboxRelay;
import org.civictaskforce.platform.web.ActorFilter;
import org.civictaskforce.platform.web.CorrelationIdFilter;
import org.civictaskforce.platform.web.ProblemDetailsAdvice;
import org.civictaskforce.platform.web.StrictRequestJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the shared plumbing into every service: correlation ids, problem details, the Mongo ping
 * health check, the outbox relay, consumer error handling with dead letters, and topic creation.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties({ OutboxProperties.class, ConsumerProperties.class })
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ActorFilter> actorFilter() {
        FilterRegistrationBean<ActorFilter> registration = new FilterRegistrationBean<>(new ActorFilter());
        // after Spring Security's filters (order -100), which verify the token the actor comes from
        registration.setOrder(-99);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    AuditLog auditLog(MongoTemplate mongo) {
        return new AuditLog(mongo);
    }

    @Bean
    AuditController auditController(AuditLog auditLog) {
        return new AuditController(auditLog);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    StrictRequestJson strictRequestJson() {
        return new StrictRequestJson();
    }

    @Bean
    MongoPingHealthIndicator mongoPingHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    DomainEvents domainEvents(@Value("${spring.application.name}") String serviceName, Clock clock) {
        return new DomainEvents(serviceName, clock);
    }

    @Bean
    IdempotentProjection idempotentProjection(MongoTemplate mongo) {
        return new IdempotentProjection(mongo);
    }

    @Bean
    @ConditionalOnProperty(prefix = "platform.outbox", name = "topic")
    NewTopic outboxTopic(OutboxProperties outbox) {
        return TopicBuilder.name(outbox.topic()).partitions(Topics.PARTITIONS).build();
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(ConsumerProperties consumer,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new KafkaAdmin.NewTopics(consumer.topics().stream()
                .map(t -> TopicBuilder.name(Topics.deadLetter(t, group)).partitions(Topics.PARTITIONS).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnProperty(prefix = "platform.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<?, ?> kafka, OutboxProperties outbox, Clock clock,
            MeterRegistry meters, AuditLog auditLog) {
        if (outbox.topic() == null) {
            throw new IllegalStateException("platform.outbox.topic must name the topic this service publishes to");
        }
        return new OutboxRelay(mongo, (KafkaOperations<String, String>) kafka, outbox, clock, meters, auditLog);
    }

    @Bean
    CorrelationRecordInterceptor correlationRecordInterceptor() {
        return new CorrelationRecordInterceptor();
    }

    /**
     * Retries a failing record with exponential back-off, then parks it on
     * {@code <topic>.<group>.dlt} with the reason in the standard {@code kafka_dlt-*} headers. A
     * malformed record is parked at once. Either way the consumer moves on.
     */
    @Bean
    @SuppressWarnings("unchecked")
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> kafka, ConsumerProperties consumer,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                (KafkaOperations<Object, Object>) kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(consumer.maxRetries());
        backOff.setInitialInterval(consumer.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(consumer.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    @SuppressWarnings("unchecked")
    @ConditionalOnMissingBean
    DeadLetters deadLetters(KafkaProperties kafkaProperties, KafkaTemplate<?, ?> kafka, ConsumerProperties consumer,
            @Value("${spring.kafka.consumer.group-id}") String group) {
        return new DeadLetters(kafkaProperties.buildConsumerProperties(), (KafkaOperations<String, String>) kafka,
                group, List.copyOf(consumer.topics()));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }
}
