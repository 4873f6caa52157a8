package org.civictaskforce.notification.application;

import java.time.Duration;
import java.time.Instant;

import org.civictaskforce.notification.domain.Channel;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Sent and failed deliveries per channel, and the time from the event to its delivery. */
@Component
public class NotificationMetrics {
    public static final String SENT = "notifications.sent";
    public static final String FAILED = "notifications.failed";
    public static final String LATENCY = "notifications.delivery.latency";

    private final MeterRegistry meters;

    public NotificationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void sent(Channel channel, Instant eventTime, Instant deliveredAt) {
        Counter.builder(SENT).tag("channel", channel.name()).description("notifications delivered")
                .register(meters).increment();
        if (eventTime != null) {
            Timer.builder(LATENCY).tag("channel", channel.name())
                    .description("time from the event to the notification's delivery")
                    .register(meters).record(Duration.between(eventTime, deliveredAt).abs());
        }
    }

    public void failed(Channel channel) {
        Counter.builder(FAILED).tag("channel", channel.name()).description("notifications given up as failed")
                .register(meters).increment();
    }
}
