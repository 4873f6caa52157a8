package org.civictaskforce.notification.application;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notification.research.*}: how long before an assignment's due date its expert is reminded
 * ({@code reminder-offsets}, default {@code 7d,1d}). The due date is a day: it counts from its start (00:00 UTC).
 */
@ConfigurationProperties("notification.research")
public record ResearchReminderProperties(@DefaultValue({ "7d", "1d" }) List<Duration> reminderOffsets) {
    public ResearchReminderProperties {
        reminderOffsets = List.copyOf(reminderOffsets);
        if (reminderOffsets.stream().anyMatch(o -> o.isNegative() || o.isZero())) {
            throw new IllegalArgumentException("research reminder offsets must be positive");
        }
    }
}
