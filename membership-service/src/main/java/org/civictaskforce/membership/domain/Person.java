package org.civictaskforce.membership.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.civictaskforce.platform.problem.ConflictException;

/**
 * A person in the Working Group's orbit (expert, CSO member, translator, coordinator) and where they
 * stand in the membership lifecycle.
 *
 * <p>Behaviour returns the events it raises; the caller stores the new state and those events in one
 * document write. Events carry ids and facts, never contact details.
 */
public final class Person {
    private final String id;
    private final String displayName;
    private final String fullName;
    private final String email;
    private final String country;
    private final String preferredLanguage;
    private final String timeZone;
    private final Instant registeredAt;
    private MembershipStatus status;
    private Invitation invitation;

    private Person(String id, String displayName, String fullName, String email, String country,
            String preferredLanguage, String timeZone, Instant registeredAt, MembershipStatus status,
            Invitation invitation) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = displayName;
        this.fullName = fullName;
        this.email = email;
        this.country = country;
        this.preferredLanguage = preferredLanguage;
        this.timeZone = timeZone;
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        this.status = Objects.requireNonNull(status, "status");
        this.invitation = invitation;
    }

    /** The person and the event their registration raises. */
    public record Registration(Person person, PersonRegistered event) {
    }

    public static Registration register(NewPerson details, Instant now) {
        return register(UUID.randomUUID().toString(), details, now);
    }

    /** Registers a candidate; checks and normalises every detail (country upper case, language lower case). */
    public static Registration register(String id, NewPerson details, Instant now) {
        Objects.requireNonNull(details, "details");
        String displayName = required("displayName", details.displayName());
        if (displayName.length() > PersonRules.DISPLAY_NAME_MAX) {
            throw new InvalidPersonException("displayName", "must be at most " + PersonRules.DISPLAY_NAME_MAX + " characters");
        }
        String fullName = details.fullName() == null || details.fullName().isBlank() ? null : details.fullName().strip();
        if (fullName != null && fullName.length() > PersonRules.FULL_NAME_MAX) {
            throw new InvalidPersonException("fullName", "must be at most " + PersonRules.FULL_NAME_MAX + " characters");
        }
        String email = required("email", details.email());
        if (!PersonRules.isEmail(email)) {
            throw new InvalidPersonException("email", "must be an e-mail address");
        }
        if (!PersonRules.isCountry(required("country", details.country()))) {
            throw new InvalidPersonException("country", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (!PersonRules.isLanguage(required("preferredLanguage", details.preferredLanguage()))) {
            throw new InvalidPersonException("preferredLanguage", "must be an ISO 639-1 language code");
        }
        if (!PersonRules.isTimeZone(required("timeZone", details.timeZone()))) {
            throw new InvalidPersonException("timeZone", "must be an IANA time zone id such as Asia/Almaty");
        }
        Person person = new Person(id, displayName, fullName, email,
                PersonRules.normaliseCountry(details.country()), PersonRules.normaliseLanguage(details.preferredLanguage()),
                details.timeZone().strip(), now, MembershipStatus.CANDIDATE, null);
        return new Registration(person,
                new PersonRegistered(id, person.country, person.preferredLanguage, now));
    }

    /** Rebuilds a person from storage; the stored state was checked when it was decided. */
    public static Person restore(String id, String displayName, String fullName, String email, String country,
            String preferredLanguage, String timeZone, Instant registeredAt, MembershipStatus status,
            Invitation invitation) {
        return new Person(id, displayName, fullName, email, country, preferredLanguage, timeZone, registeredAt, status,
                invitation);
    }

    public MemberInvited invite(Instant now) {
        return invite(UUID.randomUUID().toString(), now);
    }

    /**
     * Invites a candidate to join; the invitation lapses after {@link Invitation#VALIDITY}.
     *
     * @throws ConflictException if the person is not a candidate (already invited)
     */
    public MemberInvited invite(String invitationId, Instant now) {
        if (status != MembershipStatus.CANDIDATE) {
            throw new ConflictException("Person " + id + " cannot be invited: status is " + status + ".");
        }
        invitation = Invitation.issue(invitationId, now);
        status = MembershipStatus.INVITED;
        return new MemberInvited(id, invitation.invitationId(), invitation.invitedAt(), invitation.expiresAt());
    }

    public ContactDetails contact() {
        return new ContactDetails(displayName, email, preferredLanguage, timeZone);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidPersonException(field, "is required");
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String country() {
        return country;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public String timeZone() {
        return timeZone;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public MembershipStatus status() {
        return status;
    }

    public Invitation invitation() {
        return invitation;
    }

    @Override
    public String toString() {
        return "Person[id=" + id + ", status=" + status + "]";
    }
}
