package org.civictaskforce.membership.domain;

/**
 * What another service needs to reach a person. It never travels in a domain event: it is published
 * on the compacted contacts topic, so erasing the person can remove it from Kafka too.
 */
public record ContactDetails(String displayName, String email, String preferredLanguage, String timeZone) {
    @Override
    public String toString() {
        return "ContactDetails[<withheld>]";
    }
}
