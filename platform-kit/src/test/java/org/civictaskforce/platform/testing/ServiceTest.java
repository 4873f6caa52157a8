package org.civictaskforce.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A service started for a test as it runs: the whole application on a random port, against the one real (embedded)
 * Kafka broker of this JVM ({@link SharedBroker}) and the one wire-compatible store of this JVM
 * ({@link MongoTestServer}).
 *
 * <p>Test classes with the same configuration share one started service: Spring's context cache hits, so a module's
 * API tests pay for one start, not one per class. Each started service gets a database and consumer group of its
 * own ({@link ServiceTestContextCustomizerFactory}), so a class that needs a differently configured service (other
 * properties, a test clock) gets its own, and two started services never take each other's events or data. So tests
 * must not assume an empty database or topic: they use their own ids, names and countries, and read topics by key.
 *
 * <p>A test whose point is the broker's or the store's own set-up (broker properties, a pre-existing topic, a
 * process that dies) keeps {@code @EmbeddedKafka} and a database of its own instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ServiceTest {

    /** Properties for this test's service ({@code key=value}); a different set means a separately started service. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /** The application classes, if not found from the test's package. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};
}
