package org.civictaskforce.membership.domain;

import java.time.Instant;
import java.util.List;

/** Who attended, the organisations they attended for and the countries represented, when recorded. */
public record Attendance(List<String> attendeeIds, List<String> organisationIds, List<String> countries,
        Instant recordedAt) {
}
