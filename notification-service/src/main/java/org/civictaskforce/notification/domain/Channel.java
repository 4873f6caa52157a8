package org.civictaskforce.notification.domain;

/** A way of reaching a recipient. Each channel has its own delivery state and its own sender. */
public enum Channel {
    EMAIL,
    INBOX,
    /** An HTTP POST to the URL the person registered, signed with their secret. */
    WEBHOOK
}
