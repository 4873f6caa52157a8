package org.civictaskforce.notification.persistence;

import java.util.Optional;

import org.civictaskforce.notification.application.WebhookStore;
import org.civictaskforce.notification.domain.Webhook;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class MongoWebhookStore implements WebhookStore {
    private final MongoTemplate mongo;

    public MongoWebhookStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Webhook webhook) {
        mongo.save(new WebhookDocument(webhook.personId(), webhook.url(), webhook.secret(), webhook.registeredAt()));
    }

    @Override
    public Optional<Webhook> find(String personId) {
        return Optional.ofNullable(mongo.findById(personId, WebhookDocument.class))
                .map(d -> new Webhook(d.personId(), d.url(), d.secret(), d.registeredAt()));
    }

    @Override
    public boolean delete(String personId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(personId)), WebhookDocument.class)
                .getDeletedCount() > 0;
    }
}
