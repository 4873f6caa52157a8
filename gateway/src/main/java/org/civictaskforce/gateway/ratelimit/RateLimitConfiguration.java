package org.civictaskforce.gateway.ratelimit;

import org.civictaskforce.gateway.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.rate-limit.enabled", matchIfMissing = true)
public class RateLimitConfiguration {

    @Bean
    TokenBucketRateLimiter tokenBucketRateLimiter(RateLimitProperties properties) {
        return new TokenBucketRateLimiter(properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(TokenBucketRateLimiter limiter, ClientKeyResolver keyResolver,
            ProblemResponses problems, RateLimitProperties properties) {
        return new RateLimitFilter(limiter, keyResolver, problems, properties);
    }
}
