package org.civictaskforce.notification.persistence;

import java.util.List;

import org.bson.Document;
import org.civictaskforce.notification.application.GuideTranslatorStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * {@code guide_translators}: per guide and language ({@code _id} = guideId:language), the ids of the people
 * assigned to translate, as strategy-service last published them (the whole list each time, so
 * applying an event again changes nothing; an erased translator leaves with strategy's next list).
 */
@Repository
public class MongoGuideTranslatorStore implements GuideTranslatorStore {
    static final String COLLECTION = "guide_translators";

    private final MongoTemplate mongo;

    public MongoGuideTranslatorStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void replace(String guideId, String language, List<String> translatorIds) {
        mongo.upsert(Query.query(Criteria.where("_id").is(guideId + ":" + language)),
                new Update().set("translatorIds", translatorIds == null ? List.of() : translatorIds), COLLECTION);
    }

    @SuppressWarnings("unchecked")
    @Override
    public List<String> translatorsOf(String guideId, String language) {
        Document d = mongo.findById(guideId + ":" + language, Document.class, COLLECTION);
        return d == null ? List.of() : List.copyOf((List<String>) d.get("translatorIds"));
    }
}
