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
}
