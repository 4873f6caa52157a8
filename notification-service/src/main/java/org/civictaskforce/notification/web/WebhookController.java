package org.civictaskforce.notification.web;

import java.time.Clock;
import java.time.Instant;

import org.civictaskforce.notification.application.WebhookTargets;
import org.civictaskforce.notification.domain.Webhook;
import org.civictaskforce.notification.application.WebhookStore;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.platform.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;

/**
 * A person's webhook: from then on their notifications are also POSTed there, signed with the secret.
 * The secret is write-only. A URL whose host resolves to a private, loopback or link-local address is
 * refused (422) unless {@code notification.webhooks.allow-private-targets=true}.
 *
 * <p>Only the person themself registers, reads and removes their webhook (403 for anyone else, a
 * coordinator too: a webhook receives the person's notifications).
 */
@RestController
@Validated
@RequestMapping("/api/notifications/webhooks/{personId}")
public class WebhookController {
    private final WebhookStore webhooks;
    private final WebhookTargets targets;
    private final Clock clock;

    public WebhookController(WebhookStore webhooks, WebhookTargets targets, Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.clock = clock;
    }

    public record WebhookRequest(@NotBlank @Size(max = 2000) String url, @NotBlank @Size(min = 16, max = 200) String secret) {
        @Override
        public String toString() {
            return "WebhookRequest[<withheld>]";
        }
    }

    public record WebhookView(String personId, String url, Instant registeredAt) {
    }

    @PutMapping
    @Operation(summary = "Register or replace one's webhook (signed deliveries)")
    public WebhookView register(@PathVariable @Pattern(regexp = InboxController.ID) String personId,
            @RequestBody @Valid WebhookRequest body) {
        InboxController.requireOwn(personId);
        try {
            targets.check(body.url());
        } catch (WebhookTargets.RefusedTarget e) {
            throw new DomainRuleException(e.getMessage());
        }
        Webhook webhook = new Webhook(personId, body.url(), body.secret(), clock.instant());
        webhooks.save(webhook);
        return new WebhookView(personId, webhook.url(), webhook.registeredAt());
    }

    @GetMapping
    @Operation(summary = "One's webhook (without its secret)")
    public WebhookView get(@PathVariable @Pattern(regexp = InboxController.ID) String personId) {
        InboxController.requireOwn(personId);
        Webhook webhook = webhooks.find(personId).orElseThrow(() -> new NotFoundException("Webhook", personId));
        return new WebhookView(personId, webhook.url(), webhook.registeredAt());
    }

    @DeleteMapping
    @Operation(summary = "Remove one's webhook")
    @ApiResponse(responseCode = "204", description = "Removed")
    public ResponseEntity<Void> remove(@PathVariable @Pattern(regexp = InboxController.ID) String personId) {
        InboxController.requireOwn(personId);
        if (!webhooks.delete(personId)) {
            throw new NotFoundException("Webhook", personId);
        }
        return ResponseEntity.noContent().build();
    }
}
