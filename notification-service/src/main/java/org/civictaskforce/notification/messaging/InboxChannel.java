package org.civictaskforce.notification.messaging;

import java.time.Clock;

import org.civictaskforce.notification.application.ChannelSender;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.application.InboxStore;
import org.civictaskforce.notification.application.InboxItemDelivered;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The in-app inbox: an upsert on {@code <notificationId>:inbox}, so delivering again is harmless. */
@Component
public class InboxChannel implements ChannelSender {
    private final InboxStore inbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public InboxChannel(InboxStore inbox, Clock clock) {
        this(inbox, clock, event -> {
        });
    }

    /** @param events told of each stored item ({@link InboxItemDelivered}): the live streams on this replica push it */
    @Autowired
    public InboxChannel(InboxStore inbox, Clock clock, ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public void deliver(Notification notification, Recipient recipient, RenderedMessage message) {
        inbox.put(notification.id(), notification.personId(), message.subject(), message.text(), message.language(),
                clock.instant());
        events.publishEvent(new InboxItemDelivered(notification.personId()));
    }
}
