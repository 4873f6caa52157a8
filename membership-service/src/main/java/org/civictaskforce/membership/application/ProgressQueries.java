package org.civictaskforce.membership.application;

import java.time.Instant;
import java.util.Map;

/** The counts behind the progress view, read live from people, organisations and meetings. */
public interface ProgressQueries {
    /** The key under which experts whose country is not shown are counted (not an ISO code). */
    String WITHOUT_COUNTRY = "-";

    /** Active experts by country; with {@code countriesOfProtected} false, protected people under {@link #WITHOUT_COUNTRY}. */
    Map<String, Long> activeExpertsPerCountry(boolean countriesOfProtected);

    /** Invitations still open at {@code now} (lapsed ones wait for the expiry job and are not counted). */
    long pendingPersonInvitations(Instant now);

    /** Distinct organisations and countries at discussion meetings whose attendance is recorded. */
    record DiscussionAttendance(long organisations, long countries) {
    }

    DiscussionAttendance discussionAttendance();

    long pendingOrganisationInvitations();
}
