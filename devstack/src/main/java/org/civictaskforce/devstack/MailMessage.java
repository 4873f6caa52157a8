package org.civictaskforce.devstack;

import java.time.Instant;

/**
 * One mail the {@link MailSink} received.
 *
 * @param to         the To recipients, comma separated (the envelope recipient when there is no To header)
 * @param subject    decoded subject (UTF-8 safe)
 * @param text       the text/plain body, or {@code null}
 * @param html       the text/html body, or {@code null}
 * @param receivedAt when the sink received it
 */
public record MailMessage(String to, String subject, String text, String html, Instant receivedAt) {
}
