package org.civictaskforce.membership.persistence;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of person documents, with the list filters ({@link PersonQueries}); used by {@link MongoPersonStore}. */
interface PersonRepository extends MongoRepository<PersonDocument, String>, PersonQueries {
}
