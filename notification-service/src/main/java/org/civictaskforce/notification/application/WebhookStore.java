package org.civictaskforce.notification.application;

import java.util.Optional;

import org.civictaskforce.notification.domain.Webhook;

/** The webhooks people registered, one per person. */
public interface WebhookStore {
    void save(Webhook webhook);

    Optional<Webhook> find(String personId);

    boolean delete(String personId);
}
