package org.civictaskforce.membership.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PersonRepository extends MongoRepository<PersonDocument, String>, PersonQueries {
}
