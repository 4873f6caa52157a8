package org.civictaskforce.notification.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.springframework.stereotype.Service;

/**
 * research-service's assignment events: the expert hears of a new and of a returned assignment, and of a
 * finding returned for revision, and is
 * reminded before the due date (offsets {@link ResearchReminderProperties}); coordinators hear of a
 * submission. Submitting or acceptance drops the pending reminders; a return arms them again (one that
 * fired already is not repeated). Notification ids are {@code <eventId>:<personId>}, so a redelivered
 * event tells nobody twice. Templates see ids, the country, strand and due date (a day, as written).
 */
@Service
public class ResearchNotices {
    public static final String NEW = "research-assignment-new";
    public static final String RETURNED = "research-assignment-returned";
    public static final String SUBMITTED = "research-assignment-submitted";
    public static final String DUE = "research-assignment-due";
    public static final String FINDING_RETURNED = "research-finding-returned";
    public static final List<String> TEMPLATES = List.of(NEW, RETURNED, SUBMITTED, DUE, FINDING_RETURNED);

    private final Reminders reminders;
    private final ResearchReminderProperties properties;
    private final WorkingGroupRoleStore roles;

    public ResearchNotices(Reminders reminders, ResearchReminderProperties properties, WorkingGroupRoleStore roles) {
        this.reminders = reminders;
        this.properties = properties;
        this.roles = roles;
    }

    /** The event behind the notifications. */
    public record Cause(String eventId, String eventType, Instant occurredAt) {
    }

    public List<Notification> created(Cause cause, String assignmentId, String expertId, String country,
            String institutionId, String strand, LocalDate dueDate) {
        Map<String, String> values = values(assignmentId, dueDate);
        values.put("country", country);
        values.put("institutionId", institutionId);
        values.put("strand", strand);
        remind(cause, assignmentId, expertId, dueDate, values);
        return List.of(notify(cause, NEW, expertId, values));
    }

    /**
     * A finding was returned for revision (its assignment went back to IN_PROGRESS in the same step): the
     * expert is told to read the comment and resubmit. Events from before the expert was named tell nobody.
     */
    public List<Notification> findingReturned(Cause cause, String findingId, String assignmentId, int version,
            String expertId) {
        if (expertId == null) {
            return List.of();
        }
        Map<String, String> values = values(assignmentId, null);
        values.put("findingId", findingId);
        values.put("version", Integer.toString(version));
        return List.of(notify(cause, FINDING_RETURNED, expertId, values));
    }

    public List<Notification> statusChanged(Cause cause, String assignmentId, String to, String expertId,
            LocalDate dueDate) {
        return statusChanged(cause, assignmentId, null, to, expertId, dueDate);
    }

    /**
     * {@code from} tells a return for revision (SUBMITTED → IN_PROGRESS: the reminders are armed again, the
     * expert hears of it through the finding's notice) from the expert's own start.
     */
    public List<Notification> statusChanged(Cause cause, String assignmentId, String from, String to,
            String expertId, LocalDate dueDate) {
        Map<String, String> values = values(assignmentId, dueDate);
        List<Notification> out = new ArrayList<>();
        switch (to) {
            case "RETURNED" -> {
                if (expertId != null) {
                    out.add(notify(cause, RETURNED, expertId, values));
                    remind(cause, assignmentId, expertId, dueDate, values);
                }
            }
            case "SUBMITTED" -> {
                reminders.drop(subject(assignmentId));
                for (String coordinator : roles.activeWith("coordinator")) {
                    out.add(notify(cause, SUBMITTED, coordinator, values));
                }
            }
            case "IN_PROGRESS" -> {
                if ("SUBMITTED".equals(from)) {
                    remind(cause, assignmentId, expertId, dueDate, values);
                }
            }
            case "ACCEPTED" -> reminders.drop(subject(assignmentId));
            default -> {
            }
        }
        return out;
    }

    private void remind(Cause cause, String assignmentId, String expertId, LocalDate dueDate,
            Map<String, String> values) {
        if (dueDate == null || expertId == null) {
            return;
        }
        reminders.schedule(subject(assignmentId), expertId, dueDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                properties.reminderOffsets(), DUE, cause.eventType(), values, Map.of());
    }

    /** The reminders' subject id: one per assignment. */
    public static String subject(String assignmentId) {
        return "assignment-" + assignmentId;
    }

    private static Map<String, String> values(String assignmentId, LocalDate dueDate) {
        Map<String, String> values = new HashMap<>();
        values.put("assignmentId", assignmentId);
        if (dueDate != null) {
            values.put("dueDate", dueDate.toString());
        }
        return values;
    }

    private static Notification notify(Cause cause, String template, String personId, Map<String, String> values) {
        return Notification.of(cause.eventId(), cause.eventType(), template, personId, cause.occurredAt(),
                new TemplateParameters(values, Map.of()), EnumSet.of(Channel.EMAIL, Channel.INBOX));
    }
}
