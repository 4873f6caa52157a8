package org.civictaskforce.membership.web;

import java.time.Instant;

import org.civictaskforce.membership.application.ErasureService;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Erasure: the person, or a coordinator on their behalf (nobody else: 403), asks that
 * the person be forgotten. Answered 202 Accepted — this service is done, the others follow from the
 * {@code PersonErased} event — with the same body on every repeat.
 */
@RestController
public class ErasureController {
    private final ErasureService erasure;

    public ErasureController(ErasureService erasure) {
        this.erasure = erasure;
    }

    public record ErasureResponse(String personId, MembershipStatus status, Instant erasedAt) {
    }

    @PostMapping(PeopleController.PATH + "/{id}/erasure")
    @Operation(summary = "Erase a person: an anonymous tombstone remains (the person or coordinators)")
    @ApiResponse(responseCode = "202", description = "Erased here; the other services follow from the event", useReturnTypeSchema = true)
    public ResponseEntity<ErasureResponse> erase(@PathVariable String id) {
        ErasureService.Erased erased = erasure.erase(id, Caller.current());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ErasureResponse(erased.personId(), MembershipStatus.ERASED, erased.erasedAt()));
    }
}
