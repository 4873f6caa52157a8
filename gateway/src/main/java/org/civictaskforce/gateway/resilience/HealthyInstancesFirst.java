package org.civictaskforce.gateway.resilience;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The instances of a service the load balancer chooses from: those that answered their last health check, or all of
 * them when none did.
 * <p>
 * Every {@code interval}, each instance is asked for its readiness and given {@code timeout} to answer. One that does
 * not answer, or answers that it is not ready, is left out of the balancing until it answers ready again. Without
 * this, a replica that hangs rather than dies keeps its turn: every request it is given waits for the gateway's
 * response timeout, and the route's circuit breaker, which counts those failures for the whole service, opens for
 * the healthy replicas too. A replica that was killed is left out the same way (until then, a refused connection is
 * retried on the next instance: {@link RefusedConnectionRetryGatewayFilterFactory}).
 * <p>
 * It fails open: an instance is presumed ready until a check says otherwise, and when every instance fails its check
 * all of them are offered as before, so a whole service down is still answered by the retries, the circuit breaker
 * and its fallback. That also keeps a single instance (compose's or Kubernetes' one address per service, whose
 * readiness is the platform's business) exactly as it was. Spring Cloud LoadBalancer's own health-check supplier
 * does neither: it offers no instance until a first check has passed, and none when all fail.
 * <p>
 * The checks are plain HTTP calls, not observed: no spans, no access-log lines of the gateway's own.
 */
public class HealthyInstancesFirst extends DelegatingServiceInstanceListSupplier {
    private static final Logger log = LoggerFactory.getLogger(HealthyInstancesFirst.class);

    private final InstanceHealthProperties properties;
    private final WebClient client = WebClient.create();
    private final Set<URI> failing = ConcurrentHashMap.newKeySet();
    private volatile Disposable checks;

    public HealthyInstancesFirst(ServiceInstanceListSupplier delegate, InstanceHealthProperties properties) {
        super(delegate);
        this.properties = properties;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get().map(this::choosable);
    }

    /** Those not failing their last check; all when every one is. */
    List<ServiceInstance> choosable(List<ServiceInstance> instances) {
        List<ServiceInstance> ready = instances.stream().filter(i -> !failing.contains(i.getUri())).toList();
        return ready.isEmpty() ? instances : ready;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        super.afterPropertiesSet();
        checks = Flux.interval(properties.interval(), properties.interval())
                .onBackpressureDrop()
                .concatMap(tick -> checkAll(), 1)
                .subscribe();
    }

    @Override
    public void destroy() throws Exception {
        Disposable running = checks;
        if (running != null) {
            running.dispose();
        }
        super.destroy();
    }

    /** One round: every instance asked at once, the round over when the last has answered or timed out. */
    Mono<Void> checkAll() {
        return delegate.get().next()
                .flatMapMany(Flux::fromIterable)
                .flatMap(this::check)
                .then()
                .onErrorResume(e -> {
                    log.warn("could not list the instances of {} to check them: {}", getServiceId(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> check(ServiceInstance instance) {
        URI health = UriComponentsBuilder.fromUri(instance.getUri()).path(properties.path()).build().toUri();
        return client.get().uri(health).retrieve().toBodilessEntity()
                .timeout(properties.timeout())
                .map(answer -> true)
                .onErrorReturn(false)
                .doOnNext(ready -> record(instance.getUri(), ready))
                .then();
    }

    private void record(URI instance, boolean ready) {
        if (ready && failing.remove(instance)) {
            log.info("{} at {} is ready again: back in the balancing", getServiceId(), instance);
        } else if (!ready && failing.add(instance)) {
            log.warn("{} at {} did not answer ready to its health check within {} ms: left out of the balancing until"
                    + " it does", getServiceId(), instance, properties.timeout().toMillis());
        }
    }
}
