package org.civictaskforce.strategy.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface GuideRepository extends MongoRepository<GuideDocument, String> {
}
