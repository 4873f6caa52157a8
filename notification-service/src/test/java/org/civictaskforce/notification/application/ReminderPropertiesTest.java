package org.civictaskforce.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The knob a journey test or a demo turns to see reminders within minutes. */
class ReminderPropertiesTest {

    private static ReminderProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("notification.reminders", ReminderProperties.class);
    }

    @Test
    void remindersComeADayAndAnHourBeforeUnlessConfigured() {
        assertThat(bind(Map.of()).offsets()).containsExactly(Duration.ofHours(24), Duration.ofHours(1));
        assertThat(bind(Map.of("notification.reminders.offsets", "3m,1m")).offsets())
                .containsExactly(Duration.ofMinutes(3), Duration.ofMinutes(1));
    }
}
