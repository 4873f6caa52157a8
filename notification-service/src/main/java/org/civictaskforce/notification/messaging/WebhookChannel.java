package org.civictaskforce.notification.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.notification.application.ChannelSender;
import org.civictaskforce.notification.application.NotWantedException;
import org.civictaskforce.notification.application.WebhookTargets;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.WebhookSignature;
import org.civictaskforce.notification.domain.Webhook;
import org.civictaskforce.notification.application.WebhookStore;
import org.springframework.stereotype.Component;

/**
 * POSTs the notification as JSON to the person's webhook, signed ({@link WebhookSignature}), with
 * {@code X-Civic-Delivery: <notificationId>} so the subscriber can drop a repeat. Redirects are not
 * followed (one could point inside); any answer but 2xx is a failure the dispatcher retries with back-off.
 */
@Component
public class WebhookChannel implements ChannelSender {
    public static final String DELIVERY_HEADER = "X-Civic-Delivery";

    private final WebhookStore webhooks;
    private final WebhookTargets targets;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookChannel(WebhookStore webhooks, WebhookTargets targets, Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    /** A non-2xx answer; the reason names the status only. */
    public static class WebhookRejected extends Exception {
        public WebhookRejected(int status) {
            super("webhook answered " + status);
        }
    }

    @Override
    public void deliver(Notification notification, Recipient recipient, RenderedMessage message) throws Exception {
        Webhook webhook = webhooks.find(notification.personId())
                .orElseThrow(() -> new NotWantedException("no webhook registered"));
        URI target = targets.check(webhook.url());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notificationId", notification.id());
        payload.put("eventId", notification.eventId());
        payload.put("eventType", notification.eventType());
        payload.put("personId", notification.personId());
        payload.put("occurredAt", notification.occurredAt() == null ? null : notification.occurredAt().toString());
        payload.put("language", message.language());
        payload.put("subject", message.subject());
        payload.put("text", message.text());
        String body = EventJson.write(payload);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(DELIVERY_HEADER, notification.id())
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(webhook.secret(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new WebhookRejected(response.statusCode());
        }
    }
}
