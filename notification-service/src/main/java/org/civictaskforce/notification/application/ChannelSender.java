package org.civictaskforce.notification.application;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;

/**
 * Delivers a written message through one channel. Adding a channel (webhook, live push) is one more
 * implementation of this interface and one more {@link Channel} constant.
 *
 * <p>Implementations must be safe to repeat: after a crash between "delivered" and "marked SENT" the
 * same notification is delivered again.
 */
public interface ChannelSender {
    Channel channel();

    /** Throws if the message could not be delivered; the dispatcher then retries it later. */
    void deliver(Notification notification, Recipient recipient, RenderedMessage message) throws Exception;

    /**
     * Delivers one message that gathers several notifications (the daily e-mail digest); {@code digestId}
     * names that digest, so a repeat is recognisable. Only channels with a cadence need it.
     */
    default void deliverDigest(String digestId, Recipient recipient, RenderedMessage message) throws Exception {
        throw new UnsupportedOperationException(channel() + " has no digest");
    }
}
