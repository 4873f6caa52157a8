package org.civictaskforce.notification.web;

import java.util.Map;

import org.civictaskforce.notification.domain.DeliveryLog;
import org.civictaskforce.notification.application.NotificationStore;
import org.civictaskforce.platform.security.Caller;
import org.springframework.data.domain.Page;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The delivery log, newest first: what was sent to whom (by id), through which channel, and how it went.
 *
 * <p>Coordinators only (ids, no addresses; still, who was told what is for those who run the group).
 */
@RestController
@Validated
@RequestMapping("/api/notifications/deliveries")
public class DeliveryLogController {
    private final NotificationStore notifications;

    public DeliveryLogController(NotificationStore notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The delivery log, newest first (coordinators)")
    public DeliveryLogPage deliveries(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller.current().requireCoordinator();
        Page<DeliveryLog> log = notifications.page(page, size);
        return new DeliveryLogPage(log.getContent().stream().map(DeliveryLogController::entry).toList(),
                PageView.of(log));
    }

    private static DeliveryLogEntry entry(DeliveryLog doc) {
        return new DeliveryLogEntry(doc.id(), doc.eventId(), doc.eventType(), doc.template(), doc.personId(), doc.occurredAt(),
                doc.createdAt(), doc.deliveries().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new DeliveryLogEntry.ChannelDelivery(e.getKey(), e.getValue().status(),
                                e.getValue().reason(), e.getValue().attempts(), e.getValue().queuedAt(),
                                e.getValue().lastAttemptAt(), e.getValue().nextAttemptAt(),
                                e.getValue().completedAt(), e.getValue().language()))
                        .toList());
    }
}
