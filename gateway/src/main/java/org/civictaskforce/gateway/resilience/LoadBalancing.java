package org.civictaskforce.gateway.resilience;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/** Every service's instances are chosen from those that pass their health check ({@link InstanceHealthChecks}). */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceHealthChecks.class)
public class LoadBalancing {
}
