package org.civictaskforce.identity.enrolment;

import java.time.Instant;

/** What a coordinator hands over (e.g. by Signal): the one-time link and when it stops working. */
public record EnrolmentLink(String enrolmentUrl, Instant expiresAt) {
}
