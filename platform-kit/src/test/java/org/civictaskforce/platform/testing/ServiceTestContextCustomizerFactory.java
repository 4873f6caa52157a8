package org.civictaskforce.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every {@link ServiceTest} at the JVM's shared broker and store. Registered in this test-jar's
 * {@code META-INF/spring.factories}.
 *
 * <p>The customizer is equal for every such test, so it does not split Spring's context cache; what must differ
 * between two started services is decided when one is started (once per cached context): a database of its own
 * ({@code <application>-<n>}) and consumer groups of their own, so a cached service that sits idle while another
 * runs never consumes the other's events or sees its data.
 */
public class ServiceTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(ServiceTest.class)
                ? new SharedInfrastructure() : null;
    }

    static final class SharedInfrastructure implements ContextCustomizer {
        private static final AtomicInteger STARTED = new AtomicInteger();

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String application = context.getEnvironment().getProperty("spring.application.name", "service");
            String instance = application + "-" + STARTED.incrementAndGet();
            String broker = SharedBroker.bootstrapServers();
            // Spring Cloud Stream's binder context ranks system properties above what it inherits from this context,
            // and @EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers") in a class that brings its
            // own broker leaves that system property behind, pointing at its broker: set it back for this start
            System.setProperty("spring.kafka.bootstrap-servers", broker);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("serviceTest", Map.of(
                    "spring.kafka.bootstrap-servers", broker,
                    "spring.mongodb.uri", MongoTestServer.uri(instance),
                    "spring.cloud.stream.default.group", instance,
                    "spring.kafka.consumer.group-id", instance)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedInfrastructure;
        }

        @Override
        public int hashCode() {
            return SharedInfrastructure.class.hashCode();
        }
    }
}
