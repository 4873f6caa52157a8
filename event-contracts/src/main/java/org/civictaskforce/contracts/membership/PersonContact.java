package org.civictaskforce.contracts.membership;

/**
 * The latest contact record of a person, on the compacted {@code membership.contacts.v1} topic keyed
 * by person id. A {@code null} record value (tombstone) means the person was erased.
 * Consumers must never log it.
 */
public record PersonContact(String personId, String displayName, String email, String preferredLanguage,
        String timeZone) {

    @Override
    public String toString() {
        return "PersonContact[personId=" + personId + ", <contact details withheld>]";
    }
}
