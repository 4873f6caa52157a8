package org.civictaskforce.notification.messaging;

import java.util.List;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.membership.MeetingCancelled;
import org.civictaskforce.contracts.membership.MeetingInvitationSent;
import org.civictaskforce.contracts.membership.MeetingRescheduled;
import org.civictaskforce.contracts.membership.MeetingRsvpRecorded;
import org.civictaskforce.contracts.membership.MeetingScheduled;
import org.civictaskforce.notification.application.MeetingNotices;
import org.civictaskforce.notification.application.MeetingNotices.Cause;
import org.civictaskforce.notification.domain.Meeting;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.platform.messaging.MalformedEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * membership's meeting events, each handed to {@link MeetingNotices}: the read model, the reminders and
 * the notifications (invitation to the invitee; moved and cancelled to every invitee who has not declined).
 */
@Configuration(proxyBeanMethods = false)
public class MeetingTriggers {

    @Bean
    NotificationTrigger<MeetingScheduled> meetingScheduledTrigger(MeetingNotices notices) {
        return trigger(MeetingScheduled.class, List.of(), (envelope, e) -> notices.scheduled(cause(envelope),
                id(e.meetingId()), e.kind(), e.title(), e.startsAt(), e.timeZone(), e.durationMinutes()));
    }

    @Bean
    NotificationTrigger<MeetingInvitationSent> meetingInvitationSentTrigger(MeetingNotices notices) {
        return trigger(MeetingInvitationSent.class, List.of(MeetingNotices.INVITATION, MeetingNotices.REMINDER),
                (envelope, e) -> notices.invited(cause(envelope), id(e.meetingId()), id(e.personId()), e.startsAt(),
                        e.timeZone(), e.invitedAt()));
    }

    @Bean
    NotificationTrigger<MeetingRescheduled> meetingRescheduledTrigger(MeetingNotices notices) {
        return trigger(MeetingRescheduled.class, List.of(MeetingNotices.RESCHEDULED, MeetingNotices.REMINDER),
                (envelope, e) -> notices.rescheduled(cause(envelope), id(e.meetingId()), e.previousStartsAt(),
                        e.startsAt(), e.timeZone(), e.durationMinutes(), e.sequence()));
    }

    @Bean
    NotificationTrigger<MeetingCancelled> meetingCancelledTrigger(MeetingNotices notices) {
        return trigger(MeetingCancelled.class, List.of(MeetingNotices.CANCELLED),
                (envelope, e) -> notices.cancelled(cause(envelope), id(e.meetingId()), e.cancelledAt()));
    }

    @Bean
    NotificationTrigger<MeetingRsvpRecorded> meetingRsvpRecordedTrigger(MeetingNotices notices) {
        return trigger(MeetingRsvpRecorded.class, List.of(MeetingNotices.REMINDER),
                (envelope, e) -> notices.answered(cause(envelope), id(e.meetingId()), id(e.personId()), e.response(),
                        e.answeredAt()));
    }

    private static Cause cause(EventEnvelope envelope) {
        return new Cause(envelope.id(), envelope.type(), envelope.time());
    }

    /** Ids become field names in the read model: one that cannot be is a malformed event, parked at once. */
    private static String id(String id) {
        if (!Meeting.isUsableId(id)) {
            throw new MalformedEventException("meeting event with an unusable id");
        }
        return id;
    }

    interface Handler<E> {
        List<Notification> handle(EventEnvelope envelope, E event);
    }

    private static <E> NotificationTrigger<E> trigger(Class<E> eventClass, List<String> templates, Handler<E> handler) {
        return new NotificationTrigger<>() {
            @Override
            public Class<E> eventClass() {
                return eventClass;
            }

            @Override
            public List<String> templates() {
                return templates;
            }

            @Override
            public List<Notification> notificationsFor(EventEnvelope envelope, E event) {
                return handler.handle(envelope, event);
            }
        };
    }
}
