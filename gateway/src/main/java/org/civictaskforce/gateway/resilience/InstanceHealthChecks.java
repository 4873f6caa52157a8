package org.civictaskforce.gateway.resilience;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The load balancer's list of instances for every service (the default configuration of each service's
 * load-balancer context, {@link LoadBalancing}): Spring Cloud LoadBalancer's default (the discovery client's
 * instances, cached), with the instances that fail their health check left out ({@link HealthyInstancesFirst}).
 * <p>
 * Deliberately not a {@code @Configuration}: Spring Cloud LoadBalancer creates it in each service's own context, and
 * component scanning must not put it in the gateway's.
 */
public class InstanceHealthChecks {

    @Bean
    ServiceInstanceListSupplier instancesOfTheService(ConfigurableApplicationContext context,
            InstanceHealthProperties properties) {
        ServiceInstanceListSupplierBuilder instances = ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .withCaching();
        if (properties.enabled()) {
            instances = instances.with((ctx, cached) -> new HealthyInstancesFirst(cached, properties));
        }
        return instances.build(context);
    }
}
