package org.civictaskforce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PreferencesTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty"); // UTC+05:00
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void defaultsSendEverythingAtOnce() {
        Preferences p = Preferences.defaults("p1");
        assertThat(p.enabled(Channel.EMAIL)).isTrue();
        assertThat(p.allChannels()).containsOnlyKeys(Channel.values()).doesNotContainValue(false);
        assertThat(p.emailDeferral(Instant.parse("2026-11-01T20:00:00Z"), Instant.parse("2026-11-01T20:00:00Z"),
                ALMATY)).isEmpty();
    }

    @Test
    void quietHoursCrossingMidnightHoldAnEmailUntilTheyEndInTheRecipientsZone() {
        Preferences p = new Preferences("p1", Map.of(), EmailCadence.IMMEDIATE, null, night, null);
        Instant lateEvening = Instant.parse("2026-11-01T18:30:00Z"); // 23:30 in Almaty
        assertThat(p.emailDeferral(lateEvening, lateEvening, ALMATY)).hasValueSatisfying(d -> {
            assertThat(d.until()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z")); // 07:00 in Almaty
            assertThat(d.reason()).isEqualTo(Preferences.DEFERRED_QUIET_HOURS);
        });
        Instant earlyMorning = Instant.parse("2026-11-01T23:00:00Z"); // 04:00 in Almaty
        assertThat(p.emailDeferral(earlyMorning, earlyMorning, ALMATY).orElseThrow().until())
                .isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
        Instant day = Instant.parse("2026-11-01T05:00:00Z"); // 10:00
        assertThat(p.emailDeferral(day, day, ALMATY)).isEmpty();
        assertThat(night.contains(LocalTime.of(22, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
    }

    @Test
    void quietHoursWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.contains(LocalTime.of(12, 30))).isTrue();
        assertThat(lunch.contains(LocalTime.of(13, 0))).isFalse();
        assertThat(lunch.contains(LocalTime.of(23, 0))).isFalse();
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDigestWaitsForTheNextDigestTimeAfterItWasQueued() {
        Preferences p = new Preferences("p1", Map.of(), EmailCadence.DAILY_DIGEST, LocalTime.of(8, 0), null, null);
        Instant queued = Instant.parse("2026-11-01T05:00:00Z"); // 10:00 Almaty
        Instant slot = Instant.parse("2026-11-02T03:00:00Z"); // 08:00 next day
        assertThat(p.emailDeferral(queued, queued, ALMATY)).hasValueSatisfying(d -> {
            assertThat(d.until()).isEqualTo(slot);
            assertThat(d.reason()).isEqualTo(Preferences.DEFERRED_DIGEST);
        });
        assertThat(p.emailDeferral(queued, slot, ALMATY)).isEmpty();
        assertThat(p.digestSlotAtOrBefore(slot.plusSeconds(3600), ALMATY)).isEqualTo(slot);
        assertThat(p.digestDay(slot, ALMATY)).hasToString("2026-11-02");
    }

    @Test
    void aDigestFallingInQuietHoursGoesWhenTheyEnd() {
        Preferences p = new Preferences("p1", Map.of(), EmailCadence.DAILY_DIGEST, LocalTime.of(6, 0), night, null);
        Instant queued = Instant.parse("2026-11-01T05:00:00Z");
        assertThat(p.emailDeferral(queued, queued, ALMATY)).hasValueSatisfying(d -> {
            assertThat(d.until()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z")); // 07:00, not 06:00
            assertThat(d.reason()).contains(Preferences.DEFERRED_DIGEST).contains(Preferences.DEFERRED_QUIET_HOURS);
        });
    }

    @Test
    void theirOwnZoneOverridesTheContactRecordsAndAnUnknownZoneIsRefused() {
        Preferences p = new Preferences("p1", Map.of(Channel.EMAIL, false), null, null, null, "Asia/Ashgabat");
        assertThat(p.zone("Asia/Almaty")).isEqualTo(ZoneId.of("Asia/Ashgabat"));
        assertThat(Preferences.defaults("p1").zone("Asia/Almaty")).isEqualTo(ALMATY);
        assertThat(p.enabled(Channel.EMAIL)).isFalse();
        assertThat(p.enabled(Channel.INBOX)).isTrue();
        assertThatThrownBy(() -> new Preferences("p1", null, null, null, null, "Mars/Olympus"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
