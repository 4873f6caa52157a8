package org.civictaskforce.identity.web;

import org.civictaskforce.identity.secondfactor.SecondFactors;
import org.civictaskforce.platform.problem.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;

/**
 * {@code /api/identity/me/second-factor}: the signed-in person sets up, confirms or removes their own second
 * factor (TOTP). The token's {@code sub} names the account; nobody else can act on it.
 */
@RestController
@RequestMapping("/api/identity/me/second-factor")
public class SecondFactorController {
    /** The header that can carry the current code of a {@code DELETE} instead of a body. */
    public static final String CODE_HEADER = "X-One-Time-Code";

    private final SecondFactors secondFactors;

    public SecondFactorController(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    public record CodeRequest(@NotBlank @Size(max = 16) String code) {
    }

    /** The code from the app and the account's password (an access token alone is not enough). */
    public record ConfirmRequest(@NotBlank @Size(max = 16) String code, @NotBlank @Size(max = 200) String password) {
    }

    /** {@code 200 {state, recoveryCodesLeft}}: OFF, PENDING or ON, so a page offers only what applies. */
    @GetMapping
    @Operation(summary = "Where the second factor stands: OFF, PENDING or ON, and the recovery codes left")
    public ResponseEntity<SecondFactors.Status> status(@AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(secondFactors.status(caller.getSubject()));
    }

    /** {@code 201 {secret, otpauthUri}}: pending until confirmed; 409 if one is active. */
    @PostMapping
    @Operation(summary = "Begin turning on a second factor: a new secret to scan")
    @ApiResponse(responseCode = "201", description = "The secret and its otpauth URI, shown once", useReturnTypeSchema = true)
    public ResponseEntity<SecondFactors.Setup> begin(@AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                .body(secondFactors.begin(caller.getSubject()));
    }

    /**
     * {@code 200 {recoveryCodes}}: required at sign-in from now on; the one-time recovery codes are in this answer
     * only (never stored readable, never shown again); 422 for a wrong code or password.
     */
    @PostMapping("/confirm")
    @Operation(summary = "Turn the second factor on with a code and the password; answers the recovery codes, once")
    public ResponseEntity<SecondFactors.RecoveryCodes> confirm(@Valid @RequestBody ConfirmRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(secondFactors.confirm(caller.getSubject(), request.code(), request.password()));
    }

    /** {@code 200 {recoveryCodes}}: new codes in place of the old ones, given a current code from the app. */
    @PostMapping("/recovery-codes")
    @Operation(summary = "New one-time recovery codes in place of the old ones, given a current code")
    public ResponseEntity<SecondFactors.RecoveryCodes> renewRecoveryCodes(@Valid @RequestBody CodeRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(secondFactors.renewRecoveryCodes(caller.getSubject(), request.code()));
    }

    /** {@code 204}; the current code in the body ({@code {"code"}}) or in {@value #CODE_HEADER}. */
    @DeleteMapping
    @Operation(summary = "Turn the second factor off with a current code")
    @ApiResponse(responseCode = "204", description = "Turned off")
    public ResponseEntity<Void> disable(@RequestBody(required = false) CodeRequest request,
            @RequestHeader(name = CODE_HEADER, required = false) String header, @AuthenticationPrincipal Jwt caller) {
        String code = request != null && request.code() != null ? request.code() : header;
        if (code == null || code.isBlank() || code.length() > 16) {
            throw new InvalidRequestException("send the current one-time code");
        }
        secondFactors.disable(caller.getSubject(), code);
        return ResponseEntity.noContent().build();
    }
}
