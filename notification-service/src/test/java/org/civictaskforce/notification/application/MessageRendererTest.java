package org.civictaskforce.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.junit.jupiter.api.Test;

class MessageRendererTest {
    private final MessageRenderer renderer = new MessageRenderer();
    private final Notification invited = Notification.of("e1", "org.civictaskforce.membership.member.invited",
            "member-invited", "p1", Instant.parse("2026-11-01T10:00:00Z"),
            new TemplateParameters(Map.of("invitationId", "inv-42"),
                    Map.of("invitedAt", Instant.parse("2026-11-01T10:00:00Z"),
                            "expiresAt", Instant.parse("2026-12-12T12:00:00Z"))),
            Set.of(Channel.EMAIL));

    @Test
    void englishInvitationSaysWhatAndUntilWhenInTheRecipientsZone() {
        RenderedMessage m = renderer.render(invited, new Recipient("p1", "Dana", "d@example.org", "en", "Asia/Tashkent"));
        assertThat(m.language()).isEqualTo("en");
        assertThat(m.subject()).isEqualTo("Invitation to the Working Group on sustainable development in Central Asia");
        assertThat(m.text()).contains("Dear Dana,")
                .contains("Working Group of civil-society organisations on sustainable development in Central Asia")
                .contains("valid until 12 December 2026, 17:00 (Asia/Tashkent, UTC+05:00)")
                .contains("inv-42");
        assertThat(m.html()).contains("<html lang=\"en\">").contains("12 December 2026, 17:00");
    }

    @Test
    void russianInvitation() {
        RenderedMessage m = renderer.render(invited, new Recipient("p1", "Тимур", "t@example.org", "ru", "Asia/Bishkek"));
        assertThat(m.language()).isEqualTo("ru");
        assertThat(m.subject()).isEqualTo("Приглашение в Рабочую группу по устойчивому развитию в Центральной Азии");
        assertThat(m.text()).contains("Здравствуйте, Тимур!")
                .contains("Рабочей группе организаций гражданского общества по устойчивому развитию в Центральной Азии")
                .contains("действительно до 12 декабря 2026, 18:00 (Asia/Bishkek, UTC+06:00)");
    }

    @Test
    void eachRegionalLanguageHasItsOwnInvitationWithTimesInItsOwnWords() {
        Map<String, String> expected = Map.of(
                "kk", "Шақыру 12 желтоқсан 2026, 17:00 (Asia/Almaty, UTC+05:00) дейін жарамды",
                "ky", "Чакыруу 12 декабрь 2026, 17:00 (Asia/Almaty, UTC+05:00) чейин жарактуу",
                "tg", "Даъватнома то 12 Декабр 2026, 17:00 (Asia/Almaty, UTC+05:00) эътибор дорад",
                "tk", "Çakylyk 12 dekabr 2026, 17:00 (Asia/Almaty, UTC+05:00) çenli hakyky",
                "uz", "Taklifnoma 12 dekabr 2026, 17:00 (Asia/Almaty, UTC+05:00) gacha amal qiladi");
        expected.forEach((language, sentence) -> {
            RenderedMessage m = renderer.render(invited, new Recipient("p1", "Айгерим", "a@example.org", language,
                    "Asia/Almaty"));
            assertThat(m.language()).isEqualTo(language);
            assertThat(m.text()).contains(sentence).contains("Айгерим").contains("inv-42");
            assertThat(m.html()).contains("<html lang=\"" + language + "\">");
        });
    }

    @Test
    void aLanguageWithoutTheTemplateReadsRussian() {
        RenderedMessage digest = renderer.renderDigest(new Recipient("p1", "Айгерим", "a@example.org", "kk",
                "Asia/Almaty"), java.time.LocalDate.parse("2026-11-02"), List.of());
        assertThat(digest.language()).isEqualTo("ru");
        assertThat(digest.subject()).isEqualTo("Civic Taskforce: сводка за 2 ноября 2026 (0)");
        RenderedMessage invitation = renderer.render(invited, new Recipient("p1", "Aysel", "a@example.org", "az",
                "Asia/Baku"));
        assertThat(invitation.language()).isEqualTo("ru");
    }

    @Test
    void unknownLanguageEndsInRussianAndEnglishAndRussianAreComplete() {
        assertThat(renderer.hasTemplate("member-invited", "en")).isTrue();
        assertThat(renderer.hasTemplate("member-invited", "ru")).isTrue();
        assertThat(renderer.render(invited, new Recipient("p1", "X", "x@example.org", null, null)).language())
                .isEqualTo("ru");
    }

    @Test
    void htmlEscapesTheNameButTextDoesNot() {
        RenderedMessage m = renderer.render(invited,
                new Recipient("p1", "<b>Ali & Co</b>", "a@example.org", "en", "UTC"));
        assertThat(m.html()).contains("&lt;b&gt;Ali &amp; Co&lt;/b&gt;").doesNotContain("<b>Ali");
        assertThat(m.text()).contains("Dear <b>Ali & Co</b>,");
    }

    @Test
    void missingTemplateIsAnError() {
        Notification unknown = Notification.of("e2", "t", "no-such-template", "p1", Instant.EPOCH,
                new TemplateParameters(Map.of(), Map.of()), Set.of(Channel.INBOX));
        assertThatThrownBy(() -> renderer.render(unknown, new Recipient("p1", "X", "x@example.org", "en", "UTC")))
                .isInstanceOf(TemplateNotFoundException.class);
    }
}
