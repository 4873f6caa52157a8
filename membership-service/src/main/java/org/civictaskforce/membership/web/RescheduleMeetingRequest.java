package org.civictaskforce.membership.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.civictaskforce.membership.domain.Meeting;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Body of {@code POST /api/membership/meetings/{id}/reschedule}: a new start ({@code startsAt} or
 * {@code localStart}, as when scheduling); {@code timeZone} and {@code durationMinutes} are kept when
 * left out. A {@code localStart} is read in the new zone if given, else in the meeting's zone.
 */
public record RescheduleMeetingRequest(
        OffsetDateTime startsAt,
        LocalDateTime localStart,
        @IsoCode(IsoCode.Kind.TIME_ZONE) String timeZone,
        @Min(1) @Max(Meeting.DURATION_MAX) Integer durationMinutes) {

    @AssertTrue(message = "give exactly one of startsAt (with offset) or localStart")
    public boolean isStart() {
        return MeetingStart.exactlyOne(startsAt, localStart);
    }
}
