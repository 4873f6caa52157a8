package org.civictaskforce.notification.messaging;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.strategy.ConsultationClosingSoon;
import org.civictaskforce.contracts.strategy.ConsultationCommentResolved;
import org.civictaskforce.contracts.strategy.ConsultationOpened;
import org.civictaskforce.contracts.strategy.GuideEditionPublished;
import org.civictaskforce.contracts.strategy.GuideTranslationStatusChanged;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.civictaskforce.notification.application.GuideTranslatorStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notifications strategy-service's events call for, all on EMAIL and INBOX:
 * <ul>
 * <li>consultation opened → every invitee (deadline in their zone and the round's);</li>
 * <li>consultation closing soon (raised once per round, 24 h ahead) → every invitee, once each;</li>
 * <li>comment resolved → the comment's author (not an erased one);</li>
 * <li>translation stale → the translators of that language;</li>
 * <li>edition published → the translators of that language.</li>
 * </ul>
 */
@Configuration
public class StrategyTriggers {
    public static final String OPENED = "consultation-opened";
    public static final String CLOSING_SOON = "consultation-closing-soon";
    public static final String RESOLVED = "consultation-comment-resolved";
    public static final String STALE = "guide-translation-stale";
    public static final String EDITION = "guide-edition-published";

    private static final EnumSet<Channel> CHANNELS = EnumSet.of(Channel.EMAIL, Channel.INBOX);

    @Bean
    NotificationTrigger<ConsultationOpened> consultationOpenedTrigger() {
        return trigger(ConsultationOpened.class, OPENED, (envelope, e) -> e.invitedPersonIds().stream()
                .map(p -> notify(envelope, OPENED, p, Map.of("roundId", e.roundId(), "subjectKind", e.subjectKind(),
                        "subjectRef", e.subjectRef(), TemplateParameters.EVENT_TIME_ZONE, e.timeZone(),
                        "strategy", "STRATEGY_VERSION".equals(e.subjectKind()) ? "true" : ""),
                        Map.of("deadline", e.deadline())))
                .toList());
    }

    @Bean
    NotificationTrigger<ConsultationClosingSoon> consultationClosingSoonTrigger() {
        return trigger(ConsultationClosingSoon.class, CLOSING_SOON, (envelope, e) -> e.invitedPersonIds().stream()
                .map(p -> notify(envelope, CLOSING_SOON, p, Map.of("roundId", e.roundId(),
                        TemplateParameters.EVENT_TIME_ZONE, e.timeZone()), Map.of("deadline", e.deadline())))
                .toList());
    }

    @Bean
    NotificationTrigger<ConsultationCommentResolved> consultationCommentResolvedTrigger() {
        return trigger(ConsultationCommentResolved.class, RESOLVED, (envelope, e) -> e.authorId() == null
                || e.authorId().startsWith("erased-") ? List.of()
                        : List.of(notify(envelope, RESOLVED, e.authorId(), Map.of("roundId", e.roundId(),
                                "commentId", e.commentId(), "outcome", e.outcome(),
                                "accepted", "ACCEPTED".equals(e.outcome()) ? "true" : ""), Map.of())));
    }

    @Bean
    NotificationTrigger<GuideTranslationStatusChanged> guideTranslationStaleTrigger(GuideTranslatorStore translators) {
        return trigger(GuideTranslationStatusChanged.class, STALE, (envelope, e) -> !"STALE".equals(e.status())
                ? List.of()
                : translators.translatorsOf(e.guideId(), e.language()).stream()
                        .map(p -> notify(envelope, STALE, p, Map.of("sectionKey", e.sectionKey(), "language",
                                e.language(), "basedOnRevision", String.valueOf(e.basedOnRevision()),
                                "sourceRevision", String.valueOf(e.sourceRevision())), Map.of()))
                        .toList());
    }

    @Bean
    NotificationTrigger<GuideEditionPublished> guideEditionPublishedTrigger(GuideTranslatorStore translators) {
        return trigger(GuideEditionPublished.class, EDITION, (envelope, e) -> translators
                .translatorsOf(e.guideId(), e.language()).stream()
                .map(p -> notify(envelope, EDITION, p, Map.of("language", e.language(), "number",
                        String.valueOf(e.number()), "sections", String.valueOf(e.sections())), Map.of()))
                .toList());
    }

    private static Notification notify(EventEnvelope envelope, String template, String personId,
            Map<String, String> values, Map<String, java.time.Instant> times) {
        return Notification.of(envelope.id(), envelope.type(), template, personId, envelope.time(),
                new TemplateParameters(values, times), CHANNELS);
    }

    interface Rule<E> {
        List<Notification> apply(EventEnvelope envelope, E event);
    }

    private static <E> NotificationTrigger<E> trigger(Class<E> type, String template, Rule<E> rule) {
        return new NotificationTrigger<>() {
            @Override
            public List<String> templates() {
                return List.of(template);
            }

            @Override
            public Class<E> eventClass() {
                return type;
            }

            @Override
            public List<Notification> notificationsFor(EventEnvelope envelope, E event) {
                return rule.apply(envelope, event);
            }
        };
    }
}
