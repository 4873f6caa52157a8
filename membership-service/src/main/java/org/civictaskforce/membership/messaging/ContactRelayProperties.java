package org.civictaskforce.membership.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code membership.contact-relay.*}: how contact records are published to the compacted topic. */
@ConfigurationProperties("membership.contact-relay")
public record ContactRelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("30s") Duration lease) {
}
