package org.civictaskforce.strategy.persistence;

import org.civictaskforce.strategy.domain.guide.EditionHeading;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface EditionRepository extends MongoRepository<EditionDocument, String> {

    /** A language's editions without their text, newest first: what the public guide page lists. */
    @Query(value = "{ 'guideId': ?0, 'language': ?1 }", fields = "{ 'number': 1, 'publishedAt': 1 }",
            sort = "{ 'number': -1 }")
    List<EditionHeading> findHeadings(String guideId, String language);
}
