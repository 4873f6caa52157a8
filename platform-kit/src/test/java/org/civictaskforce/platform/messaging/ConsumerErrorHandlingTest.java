package org.civictaskforce.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

class ConsumerErrorHandlingTest {
    private final ConsumerErrorHandling handling = new ConsumerErrorHandling(
            Map.of("bootstrap.servers", "localhost:1"), Set.of("contacts-in-0"),
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    @AfterEach
    void close() {
        handling.destroy();
    }

    @Test
    void aBindingThatMayNotLoseARecordRetriesWithItsBackOffWithoutEnd() {
        BackOff binders = new FixedBackOff(1L, 4L);
        BackOffExecution waits = handling.backOffFor(binding("contacts-in-0"), binders).start();

        long[] first = { waits.nextBackOff(), waits.nextBackOff(), waits.nextBackOff() };
        assertThat(first).containsExactly(500L, 1000L, 2000L);
        long last = 0;
        for (int attempt = 0; attempt < 100_000; attempt++) {
            last = waits.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(60_000L);
    }

    @Test
    void everyOtherBindingKeepsTheBindersBoundedBackOff() {
        BackOff binders = new FixedBackOff(1L, 4L);

        assertThat(handling.backOffFor(binding("membershipEvents-in-0"), binders)).isSameAs(binders);
        BackOffExecution none = handling.backOffFor(binding("membershipEvents-in-0"), null).start();
        assertThat(none.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void aRecordThatFailedBecauseTheStoreWasUnreachableIsRetriedNotParked() {
        Exception storeDown = new org.springframework.kafka.listener.ListenerExecutionFailedException("listener failed",
                new IllegalStateException("projection failed",
                        new org.springframework.dao.DataAccessResourceFailureException("Timed out waiting for a server")));

        assertThat(ConsumerErrorHandling.storeUnreachable(storeDown)).isTrue();
        assertThat(ConsumerErrorHandling.storeUnreachable(new MalformedEventException("not an envelope"))).isFalse();
        assertThat(ConsumerErrorHandling.storeUnreachable(new IllegalStateException("a bug"))).isFalse();
    }

    private static ExtendedConsumerProperties<KafkaConsumerProperties> binding(String name) {
        ExtendedConsumerProperties<KafkaConsumerProperties> properties = new ExtendedConsumerProperties<>(
                new KafkaConsumerProperties());
        properties.populateBindingName(name);
        properties.setBackOffInitialInterval(500);
        properties.setBackOffMultiplier(2.0);
        properties.setBackOffMaxInterval(60_000);
        return properties;
    }
}
