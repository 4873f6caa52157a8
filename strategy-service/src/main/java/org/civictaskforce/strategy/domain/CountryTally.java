package org.civictaskforce.strategy.domain;

/**
 * How many participants come from one country. {@code country} is {@code null} for people whose
 * registration this service has not seen yet.
 */
public record CountryTally(String country, long people) {
    public CountryTally {
        if (people < 0) {
            throw new IllegalArgumentException("people must not be negative");
        }
    }
}
