package org.civictaskforce.gateway.session;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session cookie's rules, whichever store holds the sessions: see {@link ReplacedSessionCookies}. */
@Configuration(proxyBeanMethods = false)
public class SessionCookieConfiguration {

    @Bean
    static BeanPostProcessor replacedSessionCookies() {
        return ReplacedSessionCookies.wrapping();
    }
}
