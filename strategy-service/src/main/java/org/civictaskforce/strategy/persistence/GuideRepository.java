package org.civictaskforce.strategy.persistence;

import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface GuideRepository extends MongoRepository<GuideDocument, String> {

    /** Only the last edition number per language: the public pages read this, not the whole (large) guide. */
    @Query(value = "{ '_id': ?0 }", fields = "{ 'lastEditions': 1 }")
    Optional<LastEditions> findLastEditions(String guideId);

    record LastEditions(Map<String, Integer> lastEditions) {
    }
}
