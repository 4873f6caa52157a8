package org.civictaskforce.notification.messaging;

import java.time.Clock;

import org.civictaskforce.notification.application.ChannelSender;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.persistence.InboxStore;
import org.springframework.stereotype.Component;

/** The in-app inbox: an upsert on {@code <notificationId>:inbox}, so delivering again is harmless. */
@Component
public class InboxChannel implements ChannelSender {
    private final InboxStore inbox;
    private final Clock clock;

    public InboxChannel(InboxStore inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public void deliver(Notification notification, Recipient recipient, RenderedMessage message) {
        inbox.put(notification.id(), notification.personId(), message.subject(), message.text(), message.language(),
                clock.instant());
    }
}
