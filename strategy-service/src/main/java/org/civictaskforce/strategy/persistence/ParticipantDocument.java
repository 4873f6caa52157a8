package org.civictaskforce.strategy.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One participant, as stored in {@code participants}. Written only by {@link MongoParticipantReadModel}
 * with idempotent updates; ids and facts only, no contact details. Never bound from or written to JSON.
 */
@Document(ParticipantDocument.COLLECTION)
public record ParticipantDocument(
        @Id String personId,
        @Indexed String country,
        String preferredLanguage,
        String status,
        Instant registeredAt,
        Instant invitedAt,
        @Indexed List<String> organisationIds,
        Boolean protectedIdentity,
        List<String> appliedEvents) {

    public static final String COLLECTION = "participants";
    public static final String COUNTRY = "country";
    public static final String PREFERRED_LANGUAGE = "preferredLanguage";
    public static final String STATUS = "status";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String INVITED_AT = "invitedAt";
    public static final String ORGANISATION_IDS = "organisationIds";
    /** From {@code PersonProfileUpdated}: the person's country is counted by country only for coordinators. */
    public static final String PROTECTED_IDENTITY = "protectedIdentity";
}
