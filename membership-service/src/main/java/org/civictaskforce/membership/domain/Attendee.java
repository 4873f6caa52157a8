package org.civictaskforce.membership.domain;

import java.util.List;

/**
 * A person who attended, as the application resolved them: their country and the organisations
 * they are affiliated with (and those organisations' countries), which the plan counts.
 */
public record Attendee(String personId, String country, List<String> organisationIds, List<String> organisationCountries) {
}
