package org.civictaskforce.membership.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes declared on {@link PersonDocument}, {@link OrganisationDocument} and {@link MeetingDocument} at start-up, before the service takes
 * requests: the unique e-mail index is a rule (duplicate e-mail is a 409), so it must not depend on
 * Spring Data's deprecated automatic index creation being switched on.
 */
@Component
class PersonIndexes implements InitializingBean {
    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;

    PersonIndexes(MongoTemplate mongo, MongoMappingContext mappingContext) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
    }

    @Override
    public void afterPropertiesSet() {
        IndexResolver resolver = new MongoPersistentEntityIndexResolver(mappingContext);
        for (Class<?> document : new Class<?>[] { PersonDocument.class, OrganisationDocument.class,
                MeetingDocument.class }) {
            IndexOperations indexes = mongo.indexOps(document);
            resolver.resolveIndexFor(document).forEach(indexes::createIndex);
        }
    }
}
