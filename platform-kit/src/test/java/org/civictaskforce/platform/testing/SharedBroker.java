package org.civictaskforce.platform.testing;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, embedded, on a free loopback port) for all {@link ServiceTest}s of this JVM, started
 * when the first needs it and stopped when the JVM exits. Topics it creates on first use have
 * {@value #PARTITIONS} partitions, as in the services' own topic definitions.
 */
public final class SharedBroker {
    public static final int PARTITIONS = 3;
    private static EmbeddedKafkaKraftBroker broker;

    private SharedBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            started.brokerProperties(Map.of("auto.create.topics.enable", "true"));
            started.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "shared-broker-stop"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
