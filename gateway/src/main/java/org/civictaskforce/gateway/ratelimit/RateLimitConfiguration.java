package org.civictaskforce.gateway.ratelimit;

import org.civictaskforce.gateway.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.rate-limit.enabled", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    AddressRateLimitWebFilter addressRateLimitWebFilter(RateLimitProperties properties, ProblemResponses problems) {
        return new AddressRateLimitWebFilter(properties.perAddress(),
                new RateLimitRefusal(problems, "this address", properties.capacity(), properties.refillPerSecond()));
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, UserKeyResolver keyResolver,
            ProblemResponses problems) {
        return new RateLimitFilter(properties.perUser(), keyResolver,
                new RateLimitRefusal(problems, "this user", properties.userCapacity(),
                        properties.userRefillPerSecond()));
    }
}
