package org.civictaskforce.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.junit.jupiter.api.Test;

/** The meeting messages: the reader's own time, the meeting's time when it differs, in their language. */
class MeetingTemplatesTest {
    private static final Instant STARTS = Instant.parse("2026-12-10T09:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-12-09T09:00:00Z");
    private final MessageRenderer renderer = new MessageRenderer();

    private static Notification notification(String template, Map<String, Instant> times) {
        return Notification.of("e1", "t", template, "p1", BEFORE, new TemplateParameters(Map.of("meetingId", "m-1",
                "title", "Choosing the target institutions", "durationMinutes", "90",
                TemplateParameters.EVENT_TIME_ZONE, "Asia/Almaty"), times), Set.of(Channel.EMAIL));
    }

    @Test
    void anInvitationShowsTheReadersTimeAndTheMeetingsTime() {
        RenderedMessage ru = renderer.render(notification(MeetingNotices.INVITATION, Map.of("startsAt", STARTS)),
                new Recipient("p1", "Тимур", "t@example.org", "ru", "Asia/Tashkent"));
        assertThat(ru.language()).isEqualTo("ru");
        assertThat(ru.subject()).isEqualTo(
                "Приглашение: Choosing the target institutions — 10 декабря 2026, 14:00 (Asia/Tashkent, UTC+05:00)");
        assertThat(ru.text()).contains("Здравствуйте, Тимур!")
                .contains("Начало: 10 декабря 2026, 14:00 (Asia/Tashkent, UTC+05:00) (ваше время)")
                .contains("Время встречи: 10 декабря 2026, 14:00 (Asia/Almaty, UTC+05:00)")
                .contains("Продолжительность: 90 мин.");
        assertThat(ru.html()).contains("<html lang=\"ru\">").contains("Время встречи: 10 декабря 2026, 14:00");

        RenderedMessage en = renderer.render(notification(MeetingNotices.INVITATION, Map.of("startsAt", STARTS)),
                new Recipient("p2", "Dana", "d@example.org", "en", "Europe/London"));
        assertThat(en.text()).contains("Dear Dana,")
                .contains("Starts: 10 December 2026, 09:00 (Europe/London, UTC) (your time)")
                .contains("Meeting time: 10 December 2026, 14:00 (Asia/Almaty, UTC+05:00)");
    }

    @Test
    void theMeetingsTimeIsNotRepeatedForAReaderInItsZone() {
        RenderedMessage en = renderer.render(notification(MeetingNotices.INVITATION, Map.of("startsAt", STARTS)),
                new Recipient("p2", "Dana", "d@example.org", "en", "Asia/Almaty"));
        assertThat(en.text()).contains("Starts: 10 December 2026, 14:00 (Asia/Almaty, UTC+05:00) (your time)")
                .doesNotContain("Meeting time:");
    }

    @Test
    void withoutTheMeetingsZoneOnlyTheReadersTimeIsShown() {
        RenderedMessage en = renderer.render(Notification.of("e3", "t", MeetingNotices.INVITATION, "p1", BEFORE,
                new TemplateParameters(Map.of("meetingId", "m-1", "title", "T", "durationMinutes", "30"),
                        Map.of("startsAt", STARTS)), Set.of(Channel.EMAIL)),
                new Recipient("p1", "Dana", "d@example.org", "en", "Asia/Almaty"));
        assertThat(en.text()).contains("Starts: 10 December 2026, 14:00 (Asia/Almaty, UTC+05:00) (your time)")
                .doesNotContain("Meeting time:");
    }

    @Test
    void regionalLanguagesFallBackToRussian() {
        RenderedMessage ky = renderer.render(notification(MeetingNotices.INVITATION, Map.of("startsAt", STARTS)),
                new Recipient("p3", "Айгерим", "a@example.org", "ky", "Asia/Bishkek"));
        assertThat(ky.language()).isEqualTo("ru");
        assertThat(ky.text()).contains("10 декабря 2026, 15:00 (Asia/Bishkek, UTC+06:00) (ваше время)");
    }

    @Test
    void aMoveShowsOldAndNewTimeAndACancellationItsPlannedTime() {
        RenderedMessage moved = renderer.render(notification(MeetingNotices.RESCHEDULED,
                Map.of("previousStartsAt", BEFORE, "startsAt", STARTS)),
                new Recipient("p1", "Dana", "d@example.org", "en", "Asia/Tashkent"));
        assertThat(moved.subject()).isEqualTo(
                "Meeting moved: Choosing the target institutions — now 10 December 2026, 14:00 (Asia/Tashkent, UTC+05:00)");
        assertThat(moved.text()).contains("Was: 9 December 2026, 14:00 (Asia/Tashkent, UTC+05:00)")
                .contains("Now: 10 December 2026, 14:00 (Asia/Tashkent, UTC+05:00) (your time)");

        RenderedMessage cancelled = renderer.render(notification(MeetingNotices.CANCELLED, Map.of("startsAt", STARTS)),
                new Recipient("p1", "Тимур", "t@example.org", "ru", "Asia/Tashkent"));
        assertThat(cancelled.subject()).isEqualTo("Встреча отменена: Choosing the target institutions");
        assertThat(cancelled.text())
                .contains("«Choosing the target institutions», назначенная на 10 декабря 2026, 14:00 (Asia/Tashkent, UTC+05:00), отменена");
    }

    @Test
    void aReminderNamesTheMeetingWhenItsTitleIsKnown() {
        RenderedMessage titled = renderer.render(notification(MeetingNotices.REMINDER, Map.of("startsAt", STARTS)),
                new Recipient("p1", "Dana", "d@example.org", "en", "UTC"));
        assertThat(titled.subject()).isEqualTo(
                "Reminder: Choosing the target institutions — Working Group meeting on 10 December 2026, 09:00 (UTC)");
        RenderedMessage untitled = renderer.render(Notification.of("e2", "t", MeetingNotices.REMINDER, "p1", BEFORE,
                new TemplateParameters(Map.of("meetingId", "m-1", "title", ""), Map.of("startsAt", STARTS)),
                Set.of(Channel.EMAIL)), new Recipient("p1", "Dana", "d@example.org", "en", "UTC"));
        assertThat(untitled.subject()).isEqualTo("Reminder: Working Group meeting on 10 December 2026, 09:00 (UTC)");
    }
}
