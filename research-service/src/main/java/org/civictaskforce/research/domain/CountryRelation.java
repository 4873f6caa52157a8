package org.civictaskforce.research.domain;

/** How a country stands with an institution (member, implementing, participant, …), with its source. */
public record CountryRelation(String country, String institutionId, String status, Integer since, Source source) {
}
