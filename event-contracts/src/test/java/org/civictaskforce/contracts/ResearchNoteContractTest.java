package org.civictaskforce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.research.AnalyticalNotePublished;
import org.junit.jupiter.api.Test;

/** The analytical note's event: ids, number and counts only. */
class ResearchNoteContractTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aPublishedVersionValidates() {
        assertThat(EventSchemas.violations(envelope(new AnalyticalNotePublished("note-v2", 2, NOW, 5, 2, 3,
                List.of("f-5"), List.of(), List.of("f-1"))))).isEmpty();
    }

    @Test
    void anEmptyNoteABadNumberOrTextAreRefused() {
        assertThat(EventSchemas.violations(envelope(new AnalyticalNotePublished("note-v1", 1, NOW, 0, 0, 0,
                List.of(), List.of(), List.of())))).as("a note holds at least one finding").isNotEmpty();
        assertThat(EventSchemas.violations(envelope(new AnalyticalNotePublished("note-v0", 0, NOW, 1, 1, 1,
                List.of("f"), List.of(), List.of())))).isNotEmpty();
        String withText = envelope(new AnalyticalNotePublished("note-v1", 1, NOW, 1, 1, 1, List.of("f"), List.of(),
                List.of())).replace("\"noteVersionId\"", "\"statement\":\"Текст\",\"noteVersionId\"");
        assertThat(EventSchemas.violations(withText)).as("no statement text in events").isNotEmpty();
    }

    private static String envelope(Object event) {
        return EventJson.write(EventEnvelope.of("/research-service", "note-v1", event, "corr-1"));
    }
}
