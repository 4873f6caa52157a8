package org.civictaskforce.notification.domain;

/** A notification written out for one recipient, in the language the templates were found in. */
public record RenderedMessage(String language, String subject, String text, String html) {
}
