package org.civictaskforce.platform.messaging;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.consumers.*}.
 *
 * @param retryForever the consumer bindings (e.g. {@code contacts-in-0}) whose failing record is retried
 *        until it is handled, with the binding's exponential back-off and never skipped — for a binding
 *        that may neither park nor skip a record. A binding's {@code max-attempts} cannot say this: the
 *        binder precomputes the whole back-off, which for {@code Integer.MAX_VALUE} attempts took 15 s of
 *        CPU at every start.
 */
@ConfigurationProperties("platform.consumers")
public record ConsumerRetryProperties(@DefaultValue Set<String> retryForever) {
}
