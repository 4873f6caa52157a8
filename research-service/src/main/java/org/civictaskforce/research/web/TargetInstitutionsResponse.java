package org.civictaskforce.research.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code {"institutionIds":["world-bank","ebrd"],"decidedAt":"...","meetingId":"...","decisionId":"..."}};
 * before any decision an empty list and explicit nulls.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TargetInstitutionsResponse(List<String> institutionIds, Instant decidedAt, String meetingId,
        String decisionId) {
}
