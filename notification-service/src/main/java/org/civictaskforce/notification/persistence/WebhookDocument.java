package org.civictaskforce.notification.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The webhook a person registered: one per person. The secret is never returned or logged. */
@Document(WebhookDocument.COLLECTION)
public record WebhookDocument(@Id String personId, String url, String secret, Instant registeredAt) {
    public static final String COLLECTION = "webhooks";

    @Override
    public String toString() {
        return "WebhookDocument[personId=" + personId + ", <url and secret withheld>]";
    }
}
