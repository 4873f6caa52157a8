package org.civictaskforce.membership.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a person agreed to, when, and to which version of the privacy notice. Required before a
 * coordinator can activate them.
 */
public record Consent(String noticeVersion, List<String> agreedTo, Instant agreedAt) {
    public Consent {
        Objects.requireNonNull(noticeVersion, "noticeVersion");
        Objects.requireNonNull(agreedAt, "agreedAt");
        agreedTo = List.copyOf(agreedTo);
    }
}
