package org.civictaskforce.notification.messaging;

import java.util.List;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.notification.application.TemplateCheck;
import org.civictaskforce.notification.domain.Notification;

/**
 * Turns one kind of event into the notifications it calls for. To notify about another event type:
 * implement this as a component for its event record and add its templates under
 * {@code notification-templates/<template>/} (at least {@code en} and {@code ru}; the service refuses to
 * start otherwise, see {@link TemplateCheck}).
 *
 * @param <E> the event record, annotated with {@code @EventType}
 */
public interface NotificationTrigger<E> extends TemplateCheck.UsesTemplates {
    Class<E> eventClass();

    List<Notification> notificationsFor(EventEnvelope envelope, E event);
}
