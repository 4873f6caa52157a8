package org.civictaskforce.membership.messaging;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.civictaskforce.contracts.Topics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

/** The compacted contacts topic and the relay that fills it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactRelayProperties.class)
class ContactsTopicConfiguration {

    /** Compacted: Kafka keeps the latest record per person, and a tombstone removes the person. */
    @Bean
    NewTopic contactsTopic() {
        return TopicBuilder.name(Topics.MEMBERSHIP_CONTACTS).partitions(Topics.PARTITIONS).compact().build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "membership.contact-relay", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    @SuppressWarnings("unchecked")
    ContactRelay contactRelay(MongoTemplate mongo, KafkaTemplate<?, ?> kafka, ContactRelayProperties properties,
            Clock clock) {
        return new ContactRelay(mongo, (KafkaOperations<String, String>) kafka, properties, clock);
    }
}
