package org.civictaskforce.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's own check of each instance of a service ({@link HealthyInstancesFirst}).
 *
 * @param enabled  whether instances are checked at all
 * @param path     what is asked of each instance: its readiness, so one that lost its store is left out too
 * @param interval how often every instance is asked
 * @param timeout  how long an instance has to answer before it counts as failing (a hung instance never answers)
 */
@ConfigurationProperties("gateway.instances.health-check")
public record InstanceHealthProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/actuator/health/readiness") String path,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("2s") Duration timeout) {
}
