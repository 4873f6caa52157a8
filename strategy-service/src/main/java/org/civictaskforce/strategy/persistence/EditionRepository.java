package org.civictaskforce.strategy.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface EditionRepository extends MongoRepository<EditionDocument, String> {
}
