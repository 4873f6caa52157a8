package org.civictaskforce.contracts.membership;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.EventType;

/**
 * A person's working-group profile changed: roles (coordinator, expert, member, translator, observer),
 * languages (ISO 639-1), expertise tags, and whether their identity is protected (consumers then
 * show nothing but the display name they hold from the contacts topic).
 */
@EventType("org.civictaskforce.membership.person.profile-updated")
public record PersonProfileUpdated(String personId, List<String> roles, List<String> languages,
        List<String> expertise, boolean protectedIdentity, Instant updatedAt) {
}
