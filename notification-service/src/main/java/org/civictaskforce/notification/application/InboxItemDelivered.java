package org.civictaskforce.notification.application;

/** In-process: an inbox item for this person was stored by this replica, so open streams can push it now. */
public record InboxItemDelivered(String personId) {
}
