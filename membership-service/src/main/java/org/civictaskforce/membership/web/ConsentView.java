package org.civictaskforce.membership.web;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.membership.domain.Consent;

/** A person's recorded consent. */
public record ConsentView(String noticeVersion, List<String> agreedTo, Instant agreedAt) {
    static ConsentView of(Consent consent) {
        return consent == null ? null : new ConsentView(consent.noticeVersion(), consent.agreedTo(), consent.agreedAt());
    }
}
