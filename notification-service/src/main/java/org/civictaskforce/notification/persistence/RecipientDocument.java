package org.civictaskforce.notification.persistence;

import java.time.Instant;

import org.civictaskforce.notification.domain.Recipient;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The read model of a person's contact record, from {@code membership.contacts.v1}. Never log it. */
@Document(RecipientDocument.COLLECTION)
public record RecipientDocument(@Id String personId, String displayName, String email, String language,
        String timeZone, Instant updatedAt) {
    public static final String COLLECTION = "recipients";

    static RecipientDocument from(Recipient recipient, Instant now) {
        return new RecipientDocument(recipient.personId(), recipient.displayName(), recipient.email(),
                recipient.language(), recipient.timeZone(), now);
    }

    Recipient toRecipient() {
        return new Recipient(personId, displayName, email, language, timeZone);
    }

    @Override
    public String toString() {
        return "RecipientDocument[personId=" + personId + ", <contact details withheld>]";
    }
}
