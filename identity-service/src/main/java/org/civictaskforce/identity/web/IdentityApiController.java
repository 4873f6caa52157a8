package org.civictaskforce.identity.web;

import java.net.URI;
import java.util.List;

import org.civictaskforce.accesstokens.AccessTokens;
import org.civictaskforce.identity.enrolment.EnrolmentLink;
import org.civictaskforce.identity.enrolment.Enrolments;
import org.civictaskforce.identity.membership.AccountService;
import org.civictaskforce.identity.membership.PersonRoles;
import org.civictaskforce.identity.membership.Roles;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.platform.web.CorrelationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code /api/identity/**}, for bearer tokens this server issued: enrolment links (coordinators), disabling an
 * account (coordinators, or the person themself), and {@code /me}.
 */
@RestController
@Validated
@RequestMapping("/api/identity")
public class IdentityApiController {
    /** Person ids as membership-service issues them (UUIDs) and the audit trail accepts them. */
    static final String PERSON_ID = "[A-Za-z0-9._:@-]{1,64}";
    /** The subjects of accounts without a person; see {@code AccountStore}. */
    static final String ACCOUNT_PREFIX = "acct-";

    private final Enrolments enrolments;
    private final AccountService accounts;
    private final PersonRoles people;

    public IdentityApiController(Enrolments enrolments, AccountService accounts, PersonRoles people) {
        this.enrolments = enrolments;
        this.accounts = accounts;
        this.people = people;
    }

    public record EnrolmentRequest(@NotNull @Pattern(regexp = PERSON_ID) String personId) {
    }

    @PostMapping("/enrolments")
    @Operation(summary = "Issue a one-time enrolment link for a registered person (coordinators)")
    @ApiResponse(responseCode = "201", description = "An enrolment link, shown once", useReturnTypeSchema = true)
    public ResponseEntity<EnrolmentLink> enrol(@Valid @RequestBody EnrolmentRequest request,
            @AuthenticationPrincipal Jwt caller) {
        if (request.personId().startsWith(ACCOUNT_PREFIX)) {
            // would give the person the token subject of an account without a person
            throw new DomainRuleException("Person ids never start with '" + ACCOUNT_PREFIX + "'.");
        }
        if (!people.known(request.personId())) {
            // not registered at membership (or erased), or registered a moment ago and not yet seen here
            throw new NotFoundException("Person", request.personId());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(enrolments.issue(request.personId(), caller.getSubject()));
    }

    @DeleteMapping("/accounts/{personId}")
    @Operation(summary = "Disable an account (the person or coordinators)")
    @ApiResponse(responseCode = "204", description = "Disabled")
    public ResponseEntity<Void> disable(@PathVariable @Pattern(regexp = PERSON_ID) String personId,
            @AuthenticationPrincipal Jwt caller) {
        if (!personId.equals(caller.getSubject()) && !roles(caller).contains(Roles.COORDINATOR)) {
            throw new AccessDeniedException("only coordinators or the person themself");
        }
        accounts.delete(personId, caller.getSubject());
        return ResponseEntity.noContent().build();
    }

    /** Who the caller is: the token's subject (a person id, or an account id for an account without a person). */
    public record Me(String sub, List<String> roles) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who the caller is: subject and roles")
    public Me me(@AuthenticationPrincipal Jwt caller) {
        return new Me(caller.getSubject(), roles(caller));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Only coordinators or the person themself may do this.");
        problem.setType(URI.create("/problems/forbidden"));
        problem.setTitle("Forbidden");
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(AccessTokens.ROLES_CLAIM);
        return roles == null ? List.of() : roles;
    }
}
