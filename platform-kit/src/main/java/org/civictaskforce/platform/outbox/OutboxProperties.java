package org.civictaskforce.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.outbox.*}: the topic this service publishes to, the output binding the relay sends
 * through (its destination is that topic, see platform-defaults.properties), and the collections whose
 * documents carry an outbox.
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        String topic,
        @DefaultValue("outbox-out-0") String binding,
        @DefaultValue List<String> collections,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("30s") Duration lease) {
}
