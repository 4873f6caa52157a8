package org.civictaskforce.notification.web;

import java.time.Instant;

public record InboxItemView(String id, String subject, String body, String language, Instant createdAt, boolean read) {
}
