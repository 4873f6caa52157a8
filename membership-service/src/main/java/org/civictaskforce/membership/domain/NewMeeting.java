package org.civictaskforce.membership.domain;

import java.time.Instant;
import java.util.List;

/** What a coordinator gives to schedule a meeting; purpose, agenda and online link are optional. */
public record NewMeeting(String title, String purpose, MeetingKind kind, List<String> agenda, Instant startsAt,
        String timeZone, int durationMinutes, String onlineLink) {
}
