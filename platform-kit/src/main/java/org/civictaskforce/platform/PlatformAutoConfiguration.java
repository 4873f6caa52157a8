package org.civictaskforce.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.audit.AuditController;
import org.civictaskforce.platform.audit.AuditLog;
import org.civictaskforce.platform.health.MongoPingHealthIndicator;
import org.civictaskforce.platform.messaging.ConsumerErrorHandling;
import org.civictaskforce.platform.messaging.ConsumerRetryProperties;
import org.civictaskforce.platform.messaging.DeadLetterController;
import org.civictaskforce.platform.messaging.DeadLetters;
import org.civictaskforce.platform.messaging.IdempotentProjection;
import org.civictaskforce.platform.outbox.DomainEvents;
import org.civictaskforce.platform.outbox.OutboxProperties;
import org.civictaskforce.platform.outbox.OutboxBacklog;
import org.civictaskforce.platform.outbox.OutboxRelay;
import org.civictaskforce.platform.outbox.OutboxWakeUp;
import org.civictaskforce.platform.tracing.OutboxTracing;
import org.civictaskforce.platform.tracing.ProbesUnobserved;
import org.civictaskforce.platform.tracing.SpansWithoutQueries;
import org.civictaskforce.platform.web.ActorFilter;
import org.civictaskforce.platform.web.CorrelationIdFilter;
import org.civictaskforce.platform.web.ProblemDetailsAdvice;
import org.civictaskforce.platform.web.StrictRequestJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Wires the shared plumbing into every service: correlation ids, problem details, the Mongo ping
 * health check, the outbox relay (publishing through Spring Cloud Stream's {@link StreamBridge}), the
 * consumer bindings' error handling with dead letters, and the outbox topic.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties({ OutboxProperties.class, ConsumerRetryProperties.class })
public class PlatformAutoConfiguration {

    /**
     * How long a request waits for an unreachable store ({@code platform.mongodb.server-selection-timeout}, 5 s; the
     * driver's own default is 30 s): shorter than the gateway's 10 s, so the caller gets this service's 503 "nothing
     * was changed" ({@code ProblemDetailsAdvice}) rather than the gateway's 504, after which the write might still
     * happen. Consumers retry such a record until the store is back ({@code ConsumerErrorHandling}).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeWait(
            @Value("${platform.mongodb.server-selection-timeout:5s}") Duration wait) {
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // inside Boot's observation filter (HIGHEST_PRECEDENCE + 1): the request's access line carries its trace
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
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

    /** The trace context kept with each outbox event and continued when it is published. */
    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            ObjectProvider<ObservationRegistry> observations) {
        return new OutboxTracing(tracer.getIfAvailable(), propagator.getIfAvailable(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** No query string (a searched name, a webhook's token) in any exported span. */
    @Bean
    SpansWithoutQueries spansWithoutQueries() {
        return new SpansWithoutQueries();
    }

    /** No spans (nor request metrics) for health checks, probes and scrapes. */
    @Bean
    ProbesUnobserved probesUnobserved() {
        return new ProbesUnobserved();
    }

    @Bean
    DomainEvents domainEvents(@Value("${spring.application.name}") String serviceName, Clock clock,
            OutboxTracing tracing) {
        return new DomainEvents(serviceName, clock, tracing);
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
    @ConditionalOnProperty(prefix = "platform.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge bridge, OutboxProperties outbox, Clock clock,
            MeterRegistry meters, AuditLog auditLog, OutboxTracing tracing) {
        if (outbox.topic() == null) {
            throw new IllegalStateException("platform.outbox.topic must name the topic this service publishes to");
        }
        return new OutboxRelay(mongo, bridge, outbox, clock, meters, auditLog, tracing);
    }

    /** The outbox's backlog as gauges (documents waiting, age of the oldest event), for the alert rules. */
    @Bean
    @ConditionalOnProperty(prefix = "platform.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    OutboxBacklog outboxBacklog(MongoTemplate mongo, OutboxProperties outbox, Clock clock, MeterRegistry meters) {
        return new OutboxBacklog(mongo, clock, Duration.ofSeconds(10)).register(meters, outbox.collections());
    }

    @Bean
    @ConditionalOnProperty(prefix = "platform.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
        return new OutboxWakeUp(relay);
    }

    @Bean
    ConsumerErrorHandling consumerErrorHandling(KafkaProperties kafka, ConsumerRetryProperties retry,
            MeterRegistry meters) {
        return new ConsumerErrorHandling(kafka.buildProducerProperties(), retry.retryForever(), meters);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(KafkaProperties kafkaProperties, ConsumerErrorHandling errorHandling,
            BindingServiceProperties bindings, Environment environment) {
        return new DeadLetters(kafkaProperties.buildConsumerProperties(), errorHandling.deadLetterTemplate(),
                DeadLetters.parkedTopics(bindings, environment));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }
}
