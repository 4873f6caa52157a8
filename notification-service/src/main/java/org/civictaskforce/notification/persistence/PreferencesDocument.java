package org.civictaskforce.notification.persistence;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person's notification preferences; times as {@code HH:mm} in their zone. No contact details. */
@Document(PreferencesDocument.COLLECTION)
public record PreferencesDocument(@Id String personId, Map<String, Boolean> channels, String emailCadence,
        String digestTime, String quietFrom, String quietTo, String timeZone, Instant updatedAt) {
    public static final String COLLECTION = "preferences";
}
