package org.civictaskforce.accesstokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What every resource server of the platform accepts as an access token — the services (through
 * platform-kit), the identity service's own API and the gateway use this one rule:
 * <ul>
 * <li>the JOSE header {@code typ} is {@code at+jwt} (RFC 9068), which the identity service puts on access
 * tokens only: an OpenID Connect ID token, signed with the same key for the same audience, is refused;</li>
 * <li>the {@code roles} claim is present (the identity service adds it to access tokens only);</li>
 * <li>the issuer is ours, the token is not expired, with a clock skew of {@link #CLOCK_SKEW};</li>
 * <li>it was issued after its subject was last erased or removed ({@link RevokedSubjects}).</li>
 * </ul>
 * Decoders must not let Nimbus check {@code typ} itself ({@code validateType(false)} on Spring Security's
 * builders): Nimbus accepts only {@code JWT} or none, the opposite of what is wanted here.
 */
public final class AccessTokens {
    /** RFC 9068's media type for JWT access tokens, in the JOSE header {@code typ}. */
    public static final String TYPE = "at+jwt";
    /** The claim with the working-group roles; only access tokens carry it. */
    public static final String ROLES_CLAIM = "roles";
    /**
     * How far the clocks of the identity service and a resource server may disagree. Every process of
     * the platform runs on machines synchronised by NTP (milliseconds apart); 5 s covers a slow VM clock
     * while keeping an expired token useless almost at once (the library's default is 60 s).
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private AccessTokens() {
    }

    /**
     * The whole rule.
     *
     * @param issuer  the only issuer accepted ({@code iss}); null or blank only in tests that mint their own
     * @param revoked subjects whose earlier tokens stopped counting (may be null: nothing revoked)
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, RevokedSubjects revoked) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(CLOCK_SKEW));
        if (issuer != null && !issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        validators.add(new JwtTypeValidator(TYPE));
        validators.add(AccessTokens::carriesRoles);
        if (revoked != null) {
            validators.add(revoked.validator());
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static OAuth2TokenValidatorResult carriesRoles(Jwt jwt) {
        return jwt.hasClaim(ROLES_CLAIM) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(invalid("not an access token"));
    }

    static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
