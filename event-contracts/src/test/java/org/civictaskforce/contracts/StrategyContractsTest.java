package org.civictaskforce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.civictaskforce.contracts.strategy.GuideEditionPublished;
import org.civictaskforce.contracts.strategy.GuideSectionChanged;
import org.civictaskforce.contracts.strategy.GuideTranslationStatusChanged;
import org.junit.jupiter.api.Test;

/** The guide's events: ids, languages, revisions and numbers only, refused outside the known values. */
class StrategyContractsTest {

    @Test
    void guideEventsValidate() {
        assertThat(EventSchemas.violations(envelope(new GuideSectionChanged("g", "intro", "ru", 2)))).isEmpty();
        assertThat(EventSchemas.violations(envelope(new GuideTranslationStatusChanged("g", "intro", "ky", "STALE", 1,
                2)))).isEmpty();
        assertThat(EventSchemas.violations(envelope(new GuideEditionPublished("g", "ky", 1, 12)))).isEmpty();
    }

    @Test
    void guideEventsRefuseUnknownLanguagesStatusesAndText() {
        assertThat(EventSchemas.violations(envelope(new GuideSectionChanged("g", "intro", "ky", 1))))
                .as("the source is ru or en").isNotEmpty();
        assertThat(EventSchemas.violations(envelope(new GuideTranslationStatusChanged("g", "intro", "fr", "DRAFT", 1,
                1)))).isNotEmpty();
        assertThat(EventSchemas.violations(envelope(new GuideTranslationStatusChanged("g", "intro", "ky", "MISSING",
                1, 1)))).as("nothing becomes missing").isNotEmpty();
        assertThat(EventSchemas.violations(envelope(new GuideEditionPublished("g", "ky", 0, 1)))).isNotEmpty();
        String withText = envelope(new GuideSectionChanged("g", "intro", "ru", 1))
                .replace("\"guideId\"", "\"body\":\"Текст\",\"guideId\"");
        assertThat(EventSchemas.violations(withText)).as("no section text in events").isNotEmpty();
    }

    private static String envelope(Object event) {
        return EventJson.write(EventEnvelope.of("/strategy-service", "g", event, "corr-1"));
    }
}
