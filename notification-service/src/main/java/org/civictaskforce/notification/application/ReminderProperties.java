package org.civictaskforce.notification.application;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notification.reminders.*}: how long before a meeting its invitees are reminded
 * ({@code offsets}, default {@code 24h,1h}; a test or the local run may set e.g. {@code 2m,1m}) and how
 * often due reminders are looked for ({@code interval}, read by {@link Reminders}).
 */
@ConfigurationProperties("notification.reminders")
public record ReminderProperties(@DefaultValue({ "24h", "1h" }) List<Duration> offsets) {
    public ReminderProperties {
        offsets = List.copyOf(offsets);
        if (offsets.stream().anyMatch(o -> o.isNegative() || o.isZero())) {
            throw new IllegalArgumentException("reminder offsets must be positive");
        }
    }
}
