package org.civictaskforce.notification.persistence;

import java.time.Instant;
import java.util.Optional;

import org.civictaskforce.notification.application.RecipientStore;
import org.civictaskforce.notification.domain.Recipient;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Recipients by person id. Saving replaces the whole record, so re-applying a contact record is harmless. */
@Repository
public class MongoRecipientStore implements RecipientStore {
    private final MongoTemplate mongo;

    public MongoRecipientStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Recipient recipient, Instant now) {
        mongo.save(RecipientDocument.from(recipient, now));
    }

    @Override
    public Optional<Recipient> find(String personId) {
        return Optional.ofNullable(mongo.findById(personId, RecipientDocument.class)).map(RecipientDocument::toRecipient);
    }

    @Override
    public void delete(String personId) {
        mongo.remove(Query.query(Criteria.where("_id").is(personId)), RecipientDocument.class);
    }
}
