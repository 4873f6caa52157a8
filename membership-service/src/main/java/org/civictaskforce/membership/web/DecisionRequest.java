package org.civictaskforce.membership.web;

import java.util.List;

import org.civictaskforce.membership.domain.DecisionKind;
import org.civictaskforce.membership.domain.Meeting;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/membership/meetings/{id}/decisions}:
 * {@code {"kind":"TARGET_INSTITUTIONS","institutionIds":["wb","ebrd"]}} or
 * {@code {"kind":"GENERAL","text":"..."}}.
 */
public record DecisionRequest(
        @NotNull DecisionKind kind,
        @Size(max = Meeting.INSTITUTIONS_MAX) List<@NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,79}$",
                message = "must be an institution id of lower-case letters, digits and dashes, e.g. wb or ifc-miga") String> institutionIds,
        @Size(max = Meeting.DECISION_TEXT_MAX) String text) {

    @AssertTrue(message = "TARGET_INSTITUTIONS needs institutionIds; GENERAL needs text")
    public boolean isComplete() {
        if (kind == DecisionKind.TARGET_INSTITUTIONS) {
            return institutionIds != null && !institutionIds.isEmpty();
        }
        return kind == null || (text != null && !text.isBlank());
    }
}
