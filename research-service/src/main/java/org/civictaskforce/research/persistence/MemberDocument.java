package org.civictaskforce.research.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person in the working-group pipeline, as stored in {@code members}. Written only by
 * {@link MongoMemberReadModel} with idempotent updates; ids and facts only, no contact details.
 * Never bound from or written to JSON.
 */
@Document(MemberDocument.COLLECTION)
@CompoundIndex(name = "country_status", def = "{'country': 1, 'status': 1}")
public record MemberDocument(
        @Id String personId,
        String country,
        String preferredLanguage,
        String status,
        Instant registeredAt,
        Instant invitedAt,
        String membership,
        List<String> roles,
        Instant membershipChangedAt,
        Boolean protectedIdentity,
        List<String> appliedEvents) {

    public static final String COLLECTION = "members";
    public static final String COUNTRY = "country";
    public static final String PREFERRED_LANGUAGE = "preferredLanguage";
    public static final String STATUS = "status";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String INVITED_AT = "invitedAt";
    /** {@code ACTIVE} after {@code MemberActivated}, {@code LEFT} / {@code REMOVED} after leaving; absent before. */
    public static final String MEMBERSHIP = "membership";
    /** Lower-case working-group roles from {@code MemberActivated} / {@code PersonProfileUpdated}. */
    public static final String ROLES = "roles";
    public static final String MEMBERSHIP_CHANGED_AT = "membershipChangedAt";
    /** From {@code PersonProfileUpdated}: the person's country is counted by country only for coordinators. */
    public static final String PROTECTED_IDENTITY = "protectedIdentity";
    public static final String ACTIVE = "ACTIVE";
    public static final String EXPERT = "expert";
}
