package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/**
 * A person's consent was recorded: the version of the privacy notice they agreed to and the purposes
 * (codes such as {@code membership}, {@code contact-by-email}) it covers.
 */
@EventType("org.civictaskforce.membership.consent.recorded")
public record ConsentRecorded(String personId, String noticeVersion, List<String> agreedTo, Instant agreedAt) {
}
