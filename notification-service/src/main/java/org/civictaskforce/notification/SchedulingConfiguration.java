package org.civictaskforce.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One scheduler thread per periodic job, so none waits for another: a long dispatch pass (the safety-net
 * poll) no longer delays reminders or the live inbox's poll for other replicas' deliveries. Named in each
 * job's {@code @Scheduled(scheduler = …)}.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler dispatchScheduler() {
        return scheduler("dispatch-poll-");
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler remindersScheduler() {
        return scheduler("reminders-");
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler inboxPushScheduler() {
        return scheduler("inbox-push-");
    }

    private static ThreadPoolTaskScheduler scheduler(String prefix) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix(prefix);
        scheduler.setDaemon(true);
        return scheduler;
    }
}
