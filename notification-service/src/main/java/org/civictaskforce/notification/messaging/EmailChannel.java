package org.civictaskforce.notification.messaging;

import java.nio.charset.StandardCharsets;

import org.civictaskforce.calendar.CalendarEntry;
import org.civictaskforce.calendar.MeetingCalendar;
import org.civictaskforce.notification.application.ChannelSender;
import org.civictaskforce.notification.application.MeetingNotices;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mail over SMTP: multipart plain text + HTML in UTF-8, with a {@code Message-ID} derived from the
 * notification id, so the rare re-send after a crash between "sent" and "marked SENT" is recognisable
 * as the same message. A meeting's invitation and its move carry the meeting as an {@code .ics}
 * attachment ({@code text/calendar; method=REQUEST}, {@link MeetingCalendar}); a daily digest carries none.
 */
@Component
public class EmailChannel implements ChannelSender {
    public static final String MESSAGE_ID_DOMAIN = "civic-taskforce";
    /** RFC 6047 (iMIP): the calendar part names its iTIP method. */
    static final String CALENDAR_CONTENT_TYPE = MeetingCalendar.MEDIA_TYPE + "; charset=UTF-8; method=REQUEST";

    private final JavaMailSender mail;
    private final InternetAddress from;
    private final ObservationRegistry observations;

    public EmailChannel(JavaMailSender mail, String from) {
        this(mail, from, ObservationRegistry.NOOP);
    }

    @Autowired
    public EmailChannel(JavaMailSender mail,
            @Value("${notification.mail.from:Civic Taskforce <no-reply@civic-taskforce.example>}") String from,
            ObservationRegistry observations) {
        this.mail = mail;
        this.observations = observations;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("notification.mail.from is not an address", e);
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void deliver(Notification notification, Recipient recipient, RenderedMessage message) throws Exception {
        send(notification.id(), recipient, message, MeetingNotices.calendarEntry(notification).orElse(null));
    }

    @Override
    public void deliverDigest(String digestId, Recipient recipient, RenderedMessage message) throws Exception {
        send(digestId, recipient, message, null);
    }

    private void send(String messageKey, Recipient recipient, RenderedMessage message, CalendarEntry calendar)
            throws Exception {
        if (recipient.email() == null || recipient.email().isBlank()) {
            throw new IllegalStateException("recipient has no e-mail address");
        }
        Session session = mail.createMimeMessage().getSession();
        MimeMessage mime = new StableIdMimeMessage(session, messageId(messageKey));
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(new InternetAddress(recipient.email(), recipient.displayName(), StandardCharsets.UTF_8.name()));
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        if (calendar != null) {
            // an invitation or its move lands in the reader's calendar: METHOD:REQUEST, this mail's sender as
            // organizer, the reader as the one attendee; a later move has a higher SEQUENCE and replaces it
            String ics = MeetingCalendar.invitation(calendar, from.getAddress(), from.getPersonal(), recipient.email(),
                    recipient.displayName());
            helper.addAttachment(MeetingCalendar.fileName(calendar.title()),
                    new ByteArrayResource(ics.getBytes(StandardCharsets.UTF_8)), CALENDAR_CONTENT_TYPE);
        }
        mime.setHeader("Content-Language", message.language());
        mime.setHeader("Auto-Submitted", "auto-generated");
        // a span of the SMTP conversation, with the channel only: no address, no subject
        Observation.createNotStarted("smtp.send", observations).contextualName("smtp send")
                .lowCardinalityKeyValue("channel", "email").observe(() -> mail.send(mime));
    }

    /**
     * {@code <notificationId@civic-taskforce>}; the ':' between event and person id is not allowed in
     * a Message-ID's left part (RFC 5322 dot-atom), so it is written as '.'.
     */
    public static String messageId(String notificationId) {
        return "<" + notificationId.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", ".") + "@" + MESSAGE_ID_DOMAIN + ">";
    }

    /** A MimeMessage that keeps the Message-ID it was given instead of generating a fresh one on send. */
    static final class StableIdMimeMessage extends MimeMessage {
        private final String messageId;

        StableIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
