package org.civictaskforce.notification.application;

import java.util.List;

/**
 * {@code working_group_roles}: per person id, whether they are an active member and their roles (lower
 * case), from membership's MemberActivated / PersonProfileUpdated / MemberLeft / MemberRemoved; ids only.
 * Used to find the coordinators to tell of research submissions. Each change and its event id are one
 * document update ({@code IdempotentProjection}); an erased person's document is deleted.
 */
public interface WorkingGroupRoleStore {
    boolean activated(String eventId, String personId, List<String> roles);

    boolean rolesChanged(String eventId, String personId, List<String> roles);

    boolean departed(String eventId, String personId);

    void erase(String personId);

    /** The ids of the active members holding this role (lower case, e.g. {@code coordinator}). */
    List<String> activeWith(String role);
}
