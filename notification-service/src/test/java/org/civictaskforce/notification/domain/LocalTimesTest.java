package org.civictaskforce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LocalTimesTest {
    private static final Instant NOON_UTC = Instant.parse("2026-12-12T12:00:00Z");

    @Test
    void writesTheTimeInTheRecipientsZoneAndNamesTheZone() {
        assertThat(LocalTimes.format(NOON_UTC, "Asia/Tashkent", "en"))
                .isEqualTo("12 December 2026, 17:00 (Asia/Tashkent, UTC+05:00)");
    }

    @Test
    void writesRussianMonthNamesInTheGenitive() {
        assertThat(LocalTimes.format(NOON_UTC, "Asia/Bishkek", "ru"))
                .isEqualTo("12 декабря 2026, 18:00 (Asia/Bishkek, UTC+06:00)");
    }

    @Test
    void unknownZoneFallsBackToUtc() {
        assertThat(LocalTimes.zone("Mars/Olympus")).isEqualTo(ZoneOffset.UTC);
        assertThat(LocalTimes.format(NOON_UTC, null, "en")).isEqualTo("12 December 2026, 12:00 (UTC)");
    }
}
