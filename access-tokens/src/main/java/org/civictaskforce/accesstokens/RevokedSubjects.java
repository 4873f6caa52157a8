package org.civictaskforce.accesstokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Subjects (person ids) whose tokens issued up to a moment no longer count: the person was erased or
 * removed from the working group then. A token of such a subject is accepted again only if it was issued
 * after that moment (a removed member's next token carries the roles they have now; an erased person
 * gets none, their account is gone).
 *
 * <p>An entry is needed only as long as a token issued before it can still be valid, so entries older
 * than {@code window} (the longest token lifetime plus the clock skew) are forgotten. Lookups are a map
 * read: cheap enough for every request.
 */
public final class RevokedSubjects {
    private final Map<String, Instant> revokedAt = new ConcurrentHashMap<>();
    private final Duration window;
    private final Clock clock;

    public RevokedSubjects(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Tokens of {@code subject} issued at or before {@code at} stop counting. */
    public void revoke(String subject, Instant at) {
        if (subject == null || at == null) {
            return;
        }
        revokedAt.merge(subject, at, (old, now) -> now.isAfter(old) ? now : old);
        forgetOld();
    }

    /**
     * Whether a token of {@code subject} issued at {@code issuedAt} no longer counts. {@code iat} has
     * whole seconds, so a token issued in the same second as the revocation is refused too: the safe side.
     */
    public boolean isRevoked(String subject, Instant issuedAt) {
        Instant at = subject == null ? null : revokedAt.get(subject);
        return at != null && (issuedAt == null || !issuedAt.isAfter(at));
    }

    /** The token validator: refuses tokens of revoked subjects issued before the revocation. */
    public OAuth2TokenValidator<Jwt> validator() {
        return jwt -> isRevoked(jwt.getSubject(), jwt.getIssuedAt())
                ? OAuth2TokenValidatorResult.failure(AccessTokens.invalid("the token's subject was revoked"))
                : OAuth2TokenValidatorResult.success();
    }

    public Duration window() {
        return window;
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(window);
        revokedAt.values().removeIf(at -> at.isBefore(horizon));
    }
}
