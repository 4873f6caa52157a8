package org.civictaskforce.notification.domain;

/**
 * QUEUED waits to be sent (possibly for the recipient's contact details or a retry time); SENDING is
 * claimed by one dispatcher under a lease; SENT, SKIPPED and FAILED are final.
 */
public enum DeliveryStatus {
    QUEUED,
    SENDING,
    SENT,
    /** Not sent because the recipient switched the channel off (final). */
    SKIPPED,
    FAILED
}
