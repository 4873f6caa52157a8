package org.civictaskforce.platform.problem;

import java.net.URI;

/** Stable problem {@code type} URIs, one per kind of error; documented in docs/problems.md. */
public final class ProblemTypes {
    public static final URI VALIDATION = URI.create("/problems/validation");
    public static final URI MALFORMED = URI.create("/problems/malformed-request");
    public static final URI UNAUTHENTICATED = URI.create("/problems/unauthenticated");
    public static final URI FORBIDDEN = URI.create("/problems/forbidden");
    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI CONFLICT = URI.create("/problems/conflict");
    public static final URI DOMAIN_RULE = URI.create("/problems/domain-rule");
    public static final URI METHOD = URI.create("/problems/method-not-allowed");
    public static final URI MEDIA_TYPE = URI.create("/problems/unsupported-media-type");
    public static final URI INTERNAL = URI.create("/problems/internal");
    /** The service cannot reach its own store right now: nothing was done, and trying again later may work. */
    public static final URI UNAVAILABLE = URI.create("/problems/service-unavailable");

    private ProblemTypes() {
    }
}
