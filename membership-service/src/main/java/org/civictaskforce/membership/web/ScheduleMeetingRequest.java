package org.civictaskforce.membership.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.civictaskforce.membership.domain.Meeting;
import org.civictaskforce.membership.domain.MeetingKind;
import org.civictaskforce.membership.domain.NewMeeting;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/membership/meetings}: the start either as {@code startsAt} (an instant
 * with offset) or as {@code localStart} (wall-clock time in {@code timeZone}).
 */
public record ScheduleMeetingRequest(
        @NotBlank @Size(max = Meeting.TITLE_MAX) String title,
        @Size(max = Meeting.PURPOSE_MAX) String purpose,
        @NotNull MeetingKind kind,
        @Size(max = Meeting.AGENDA_MAX) List<@NotBlank @Size(max = Meeting.AGENDA_ITEM_MAX) String> agenda,
        OffsetDateTime startsAt,
        LocalDateTime localStart,
        @NotBlank @IsoCode(IsoCode.Kind.TIME_ZONE) String timeZone,
        @NotNull @Min(1) @Max(Meeting.DURATION_MAX) Integer durationMinutes,
        @Size(max = Meeting.LINK_MAX) @Pattern(regexp = "^https://\\S+$", message = "must be an https address") String onlineLink) {

    @AssertTrue(message = "give exactly one of startsAt (with offset) or localStart (in timeZone)")
    public boolean isStart() {
        return MeetingStart.exactlyOne(startsAt, localStart);
    }

    NewMeeting toNewMeeting() {
        return new NewMeeting(title, purpose, kind, agenda,
                MeetingStart.resolve(startsAt, localStart, ZoneId.of(timeZone.strip())), timeZone, durationMinutes,
                onlineLink);
    }
}
