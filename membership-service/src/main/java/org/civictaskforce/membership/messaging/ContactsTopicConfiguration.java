package org.civictaskforce.membership.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The compacted contacts topic (the outbox relay fills it) and what keeps it forgetting. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContactsTopicProperties.class)
class ContactsTopicConfiguration {

    /**
     * Compacted: Kafka keeps the latest record per person, and a tombstone removes the person — within a
     * bounded time, thanks to the settings below ({@link ContactsTopicProperties}). Spring's KafkaAdmin
     * applies them to an existing topic at start-up too ({@code spring.kafka.admin.modify-topic-configs}).
     */
    @Bean
    NewTopic contactsTopic(ContactsTopicProperties topic) {
        return TopicBuilder.name(Topics.MEMBERSHIP_CONTACTS).partitions(Topics.PARTITIONS).compact()
                .config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(topic.segment().toMillis()))
                .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(topic.maxCompactionLag().toMillis()))
                .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, String.valueOf(topic.minCleanableDirtyRatio()))
                .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(topic.deleteRetention().toMillis()))
                .build();
    }

    /** Rolls only where this process relays the outbox: the markers follow what its relay appended. */
    @Bean
    ContactsSegmentRoll contactsSegmentRoll(StreamBridge bridge, KafkaAdmin admin, ObjectProvider<OutboxRelay> relay,
            ContactsTopicProperties topic) {
        return new ContactsSegmentRoll(bridge, admin, relay.getIfAvailable(), topic.segment());
    }
}
