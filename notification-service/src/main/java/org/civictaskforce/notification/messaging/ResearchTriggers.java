package org.civictaskforce.notification.messaging;

import java.util.List;

import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.research.AssignmentCreated;
import org.civictaskforce.contracts.research.AssignmentStatusChanged;
import org.civictaskforce.contracts.research.FindingReturned;
import org.civictaskforce.notification.application.ResearchNotices;
import org.civictaskforce.notification.application.ResearchNotices.Cause;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** research-service's assignment events and returned findings, each handed to {@link ResearchNotices}. */
@Configuration(proxyBeanMethods = false)
public class ResearchTriggers {

    @Bean
    NotificationTrigger<AssignmentCreated> assignmentCreatedTrigger(ResearchNotices notices) {
        return new NotificationTrigger<>() {
            @Override
            public Class<AssignmentCreated> eventClass() {
                return AssignmentCreated.class;
            }

            @Override
            public List<String> templates() {
                return List.of(ResearchNotices.NEW, ResearchNotices.DUE);
            }

            @Override
            public List<Notification> notificationsFor(EventEnvelope envelope, AssignmentCreated e) {
                InboundEvents.require(envelope, e.assignmentId(), "assignmentId");
                InboundEvents.require(envelope, e.expertId(), "expertId");
                return notices.created(cause(envelope), e.assignmentId(), e.expertId(), e.country(), e.institutionId(),
                        e.strand(), e.dueDate());
            }
        };
    }

    @Bean
    NotificationTrigger<AssignmentStatusChanged> assignmentStatusChangedTrigger(ResearchNotices notices) {
        return new NotificationTrigger<>() {
            @Override
            public Class<AssignmentStatusChanged> eventClass() {
                return AssignmentStatusChanged.class;
            }

            @Override
            public List<String> templates() {
                return List.of(ResearchNotices.RETURNED, ResearchNotices.SUBMITTED, ResearchNotices.DUE);
            }

            @Override
            public List<Notification> notificationsFor(EventEnvelope envelope, AssignmentStatusChanged e) {
                InboundEvents.require(envelope, e.assignmentId(), "assignmentId");
                InboundEvents.require(envelope, e.to(), "to");
                return notices.statusChanged(cause(envelope), e.assignmentId(), e.from(), e.to(), e.expertId(),
                        e.dueDate());
            }
        };
    }

    @Bean
    NotificationTrigger<FindingReturned> findingReturnedTrigger(ResearchNotices notices) {
        return new NotificationTrigger<>() {
            @Override
            public Class<FindingReturned> eventClass() {
                return FindingReturned.class;
            }

            @Override
            public List<String> templates() {
                return List.of(ResearchNotices.FINDING_RETURNED);
            }

            @Override
            public List<Notification> notificationsFor(EventEnvelope envelope, FindingReturned e) {
                InboundEvents.require(envelope, e.findingId(), "findingId");
                InboundEvents.require(envelope, e.assignmentId(), "assignmentId");
                return notices.findingReturned(cause(envelope), e.findingId(), e.assignmentId(), e.version(),
                        e.expertId());
            }
        };
    }

    private static Cause cause(EventEnvelope envelope) {
        return new Cause(envelope.id(), envelope.type(), envelope.time());
    }
}
