package org.civictaskforce.strategy.domain.consultation;

import java.time.Instant;
import java.util.List;

/**
 * A comment on one section of the consulted text, optionally quoting a passage of it.
 *
 * @param organisationIds the author's organisations when they commented (for participation)
 * @param country         the author's country when they commented (null if not known)
 */
public record Comment(String id, String authorId, List<String> organisationIds, String country, String sectionKey,
        String quote, String text, Instant at, Instant editedAt, List<Reply> replies, Resolution resolution) {

    public enum Outcome { ACCEPTED, DECLINED }

    public record Reply(String id, String authorId, String text, Instant at) {
    }

    public record Resolution(Outcome outcome, String reason, String by, Instant at) {
    }

    public Comment {
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
        replies = replies == null ? List.of() : List.copyOf(replies);
    }
}
