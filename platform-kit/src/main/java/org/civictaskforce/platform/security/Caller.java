package org.civictaskforce.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.civictaskforce.platform.problem.ForbiddenException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the verified access token: the subject (a person's id, or an account id for an
 * account that is not a person, such as the bootstrap coordinator) and their working-group roles.
 *
 * <p>The pattern every service follows for object-level rules: decide with {@link #isCoordinator()},
 * {@link #has(Role)} and {@link #is(String)} (own object), and refuse with {@link #require(boolean,
 * String)}, which answers 403 as a problem. A rule that reveals nothing about other people's data is
 * preferred: a list is filtered rather than refused.
 */
public record Caller(String subject, Set<Role> roles) {
    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller of the request in hand, or {@link #ANONYMOUS} when there is none (public route, consumer). */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            return new Caller(jwt.getToken().getSubject(), rolesOf(jwt.getToken().getClaimAsStringList("roles")));
        }
        return ANONYMOUS;
    }

    static Set<Role> rolesOf(Collection<String> claims) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (claims != null) {
            claims.forEach(c -> Role.fromClaim(c).ifPresent(roles::add));
        }
        return roles;
    }

    public boolean authenticated() {
        return subject != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isCoordinator() {
        return has(Role.COORDINATOR);
    }

    /** True when the caller is the person (or account) with this id: "own object". */
    public boolean is(String personId) {
        return subject != null && subject.equals(personId);
    }

    /** Refuses with 403 unless allowed; the reason is shown to the caller, so it must name no one. */
    public void require(boolean allowed, String reason) {
        if (!allowed) {
            throw new ForbiddenException(reason);
        }
    }

    /** Coordinators only. */
    public void requireCoordinator() {
        require(isCoordinator(), "Only a coordinator may do this.");
    }

    /** The person themself, or a coordinator on their behalf. */
    public void requireSelfOrCoordinator(String personId) {
        require(is(personId) || isCoordinator(), "Only the person themself or a coordinator may do this.");
    }
}
