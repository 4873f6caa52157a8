package org.civictaskforce.notification.domain;

/** Who a notification goes to, with the contact details needed to reach them. Never log it. */
public record Recipient(String personId, String displayName, String email, String language, String timeZone) {

    @Override
    public String toString() {
        return "Recipient[personId=" + personId + ", <contact details withheld>]";
    }
}
