package org.civictaskforce.notification.persistence;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
public class WebhookStore {
    private final MongoTemplate mongo;

    public WebhookStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(WebhookDocument webhook) {
        mongo.save(webhook);
    }

    public Optional<WebhookDocument> find(String personId) {
        return Optional.ofNullable(mongo.findById(personId, WebhookDocument.class));
    }

    public boolean delete(String personId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(personId)), WebhookDocument.class)
                .getDeletedCount() > 0;
    }
}
