package org.civictaskforce.membership.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.civictaskforce.membership.application.AttendeeQueries;
import org.civictaskforce.membership.domain.Attendee;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * What meetings need to know about people: which ids name a (not erased) person, and for attendance
 * their country, affiliations and those organisations' countries. Reads only those fields.
 */
@Repository
public class MongoAttendeeQueries implements AttendeeQueries {
    private final MongoTemplate mongo;

    public MongoAttendeeQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Attendee> people(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query people = new Query(where("_id").in(ids).and("erased").ne(true));
        people.fields().include("country").include("affiliations");
        Map<String, String> country = new HashMap<>();
        Map<String, List<String>> affiliations = new HashMap<>();
        mongo.getCollection(PersonDocument.COLLECTION).find(people.getQueryObject())
                .projection(people.getFieldsObject()).forEach((Document d) -> {
                    country.put(d.getString("_id"), d.getString("country"));
                    affiliations.put(d.getString("_id"), d.getList("affiliations", String.class, List.of()));
                });
        Map<String, String> organisationCountry = organisationCountries(
                affiliations.values().stream().flatMap(List::stream).distinct().toList());
        Map<String, Attendee> found = new LinkedHashMap<>();
        for (String id : ids) {
            if (country.containsKey(id)) {
                List<String> orgs = affiliations.get(id).stream().filter(organisationCountry::containsKey).toList();
                found.put(id, new Attendee(id, country.get(id), orgs,
                        orgs.stream().map(organisationCountry::get).distinct().toList()));
            }
        }
        return found;
    }

    private Map<String, String> organisationCountries(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query organisations = new Query(where("_id").in(ids));
        organisations.fields().include("country");
        Map<String, String> countries = new HashMap<>();
        mongo.getCollection(OrganisationDocument.COLLECTION).find(organisations.getQueryObject())
                .projection(organisations.getFieldsObject())
                .forEach((Document d) -> countries.put(d.getString("_id"), d.getString("country")));
        return countries;
    }
}
