package org.civictaskforce.notification.messaging;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.springframework.stereotype.Component;

/** The invited person hears of the invitation and until when it is valid, by e-mail and in their inbox. */
@Component
public class MemberInvitedTrigger implements NotificationTrigger<MemberInvited> {
    public static final String TEMPLATE = "member-invited";

    @Override
    public List<String> templates() {
        return List.of(TEMPLATE);
    }

    @Override
    public Class<MemberInvited> eventClass() {
        return MemberInvited.class;
    }

    @Override
    public List<Notification> notificationsFor(EventEnvelope envelope, MemberInvited event) {
        return List.of(Notification.of(envelope.id(), envelope.type(), TEMPLATE, event.personId(), envelope.time(),
                new TemplateParameters(
                        Map.of("invitationId", event.invitationId()),
                        Map.of("invitedAt", event.invitedAt(), "expiresAt", event.expiresAt())),
                EnumSet.of(Channel.EMAIL, Channel.INBOX)));
    }
}
