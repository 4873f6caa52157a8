package org.civictaskforce.membership.web;

import java.util.List;

import org.civictaskforce.membership.domain.Meeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/membership/meetings/{id}/attendance}. */
public record AttendanceRequest(
        @NotEmpty @Size(max = Meeting.INVITEES_MAX) List<@NotBlank @Size(max = 100) String> attendeeIds) {
}
