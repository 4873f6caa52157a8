package org.civictaskforce.membership.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.civictaskforce.contracts.membership.ConsentRecorded;
import org.civictaskforce.contracts.membership.InvitationAccepted;
import org.civictaskforce.contracts.membership.InvitationDeclined;
import org.civictaskforce.contracts.membership.InvitationExpired;
import org.civictaskforce.contracts.membership.MemberActivated;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.MemberLeft;
import org.civictaskforce.contracts.membership.MemberRemoved;
import org.civictaskforce.contracts.membership.PersonErased;
import org.civictaskforce.contracts.membership.PersonProfileUpdated;
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
    private Profile profile = Profile.NONE;
    private Consent consent;
    private List<String> affiliations = List.of();

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

    /** The person and the events their registration raises ({@code PersonRegistered}, then a profile if given). */
    public record Registration(Person person, PersonRegistered event, List<Object> events) {
    }

    /** Registers a candidate with a working-group profile (roles, languages, expertise, protection). */
    public static Registration register(String id, NewPerson details, Profile profile, Instant now) {
        Registration registration = register(id, details, now);
        if (profile == null || profile.equals(Profile.NONE)) {
            return registration;
        }
        Person person = registration.person();
        person.profile = profile;
        PersonRegistered plain = registration.event();
        // the registration already says whether the identity is protected: a consumer never holds the
        // country without knowing it, not even until the profile event arrives
        PersonRegistered registered = new PersonRegistered(plain.personId(), plain.country(),
                plain.preferredLanguage(), plain.registeredAt(), profile.protectedIdentity());
        return new Registration(person, registered, List.of(registered, person.profileUpdated(now)));
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
        PersonRegistered registered = new PersonRegistered(id, person.country, person.preferredLanguage, now, false);
        return new Registration(person, registered, List.of(registered));
    }

    /** Rebuilds a person from storage; the stored state was checked when it was decided. */
    public static Person restore(String id, String displayName, String fullName, String email, String country,
            String preferredLanguage, String timeZone, Instant registeredAt, MembershipStatus status,
            Invitation invitation) {
        return new Person(id, displayName, fullName, email, country, preferredLanguage, timeZone, registeredAt, status,
                invitation);
    }

    /** Rebuilds a person with their profile, consent and affiliations from storage. */
    public static Person restore(String id, String displayName, String fullName, String email, String country,
            String preferredLanguage, String timeZone, Instant registeredAt, MembershipStatus status,
            Invitation invitation, Profile profile, Consent consent, List<String> affiliations) {
        Person person = restore(id, displayName, fullName, email, country, preferredLanguage, timeZone, registeredAt,
                status, invitation);
        person.profile = profile == null ? Profile.NONE : profile;
        person.consent = consent;
        person.affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        return person;
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
        requireStatus("be invited", MembershipStatus.CANDIDATE, MembershipStatus.DECLINED);
        invitation = Invitation.issue(invitationId, now);
        status = MembershipStatus.INVITED;
        return new MemberInvited(id, invitation.invitationId(), invitation.invitedAt(), invitation.expiresAt());
    }

    /**
     * The invited person accepts, before the invitation lapses.
     *
     * @throws ConflictException if not invited, or the invitation has expired
     */
    public InvitationAccepted accept(Instant now) {
        requireOpenInvitation("accept an invitation", now);
        status = MembershipStatus.ACCEPTED;
        return new InvitationAccepted(id, invitation.invitationId(), now);
    }

    /** The invited person declines; they may be invited again later. */
    public InvitationDeclined decline(Instant now) {
        requireOpenInvitation("decline an invitation", now);
        status = MembershipStatus.DECLINED;
        return new InvitationDeclined(id, invitation.invitationId(), now);
    }

    /** Whether an unanswered invitation has lapsed at {@code now}. */
    public boolean invitationLapsed(Instant now) {
        return status == MembershipStatus.INVITED && !now.isBefore(invitation.expiresAt());
    }

    /**
     * An unanswered invitation lapses: the person is a candidate again and may be re-invited.
     *
     * @throws ConflictException if there is no invitation, or it has not lapsed yet
     */
    public InvitationExpired expire(Instant now) {
        requireStatus("have an invitation expire", MembershipStatus.INVITED);
        if (!invitationLapsed(now)) {
            throw new ConflictException("The invitation of person " + id + " has not lapsed yet.");
        }
        String invitationId = invitation.invitationId();
        invitation = null;
        status = MembershipStatus.CANDIDATE;
        return new InvitationExpired(id, invitationId, now);
    }

    /**
     * Records what the person agreed to (purpose codes), to which notice version, now. A newer consent
     * replaces the older one.
     */
    public ConsentRecorded recordConsent(String noticeVersion, List<String> agreedTo, Instant now) {
        if (status == MembershipStatus.LEFT || status == MembershipStatus.REMOVED || status == MembershipStatus.ERASED) {
            throw new ConflictException("Person " + id + " cannot record consent: status is " + status + ".");
        }
        if (noticeVersion == null || noticeVersion.isBlank() || noticeVersion.strip().length() > 40) {
            throw new InvalidPersonException("noticeVersion", "is required (at most 40 characters)");
        }
        if (agreedTo == null || agreedTo.isEmpty()) {
            throw new InvalidPersonException("agreedTo", "must name at least one purpose");
        }
        Set<String> purposes = new LinkedHashSet<>();
        for (String purpose : agreedTo) {
            String normalised = PersonRules.normaliseTag(purpose);
            if (!PersonRules.isTag(normalised)) {
                throw new InvalidPersonException("agreedTo", "must be purpose codes such as membership");
            }
            purposes.add(normalised);
        }
        consent = new Consent(noticeVersion.strip(), new ArrayList<>(purposes), now);
        return new ConsentRecorded(id, consent.noticeVersion(), consent.agreedTo(), now);
    }

    /**
     * A coordinator approves an accepted member (the web layer lets only coordinators ask).
     *
     * @throws ConflictException if the person has not accepted, or no consent is recorded
     */
    public MemberActivated activate(Instant now) {
        requireStatus("be activated", MembershipStatus.ACCEPTED);
        if (consent == null) {
            throw new ConflictException("Person " + id + " cannot be activated before their consent is recorded.");
        }
        status = MembershipStatus.ACTIVE;
        return new MemberActivated(id, country, roleNames(), now);
    }

    /** The member leaves of their own accord (the web layer lets only the person themself ask). */
    public MemberLeft leave(Instant now) {
        requireStatus("leave", MembershipStatus.ACCEPTED, MembershipStatus.ACTIVE);
        status = MembershipStatus.LEFT;
        return new MemberLeft(id, now);
    }

    /** A coordinator removes the member (the web layer lets only coordinators ask). */
    public MemberRemoved remove(Instant now) {
        requireStatus("be removed", MembershipStatus.ACCEPTED, MembershipStatus.ACTIVE);
        status = MembershipStatus.REMOVED;
        return new MemberRemoved(id, now);
    }

    /** Replaces the working-group profile. Refused once the person was removed. */
    public PersonProfileUpdated updateProfile(Profile newProfile, Instant now) {
        Objects.requireNonNull(newProfile, "profile");
        if (status == MembershipStatus.REMOVED || status == MembershipStatus.ERASED) {
            throw new ConflictException("Person " + id + " was " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + "; the profile can no longer change.");
        }
        profile = newProfile;
        return profileUpdated(now);
    }

    /** Sets the organisations the person is affiliated with (ids checked by the caller). */
    public void affiliate(List<String> organisationIds) {
        if (status == MembershipStatus.ERASED) {
            throw new ConflictException("Person " + id + " was erased.");
        }
        affiliations = List.copyOf(new LinkedHashSet<>(organisationIds));
    }

    /** The anonymous tombstone left after erasure and the event announcing it. */
    public record Erasure(Person tombstone, PersonErased event) {
    }

    /**
     * Erases the person from any status: what is left keeps only the id, when they registered and
     * that (not what) they consented, so counts stay right; names, e-mail, country, language, time
     * zone, invitation, profile and affiliations go.
     *
     * @throws ConflictException if already erased (the caller treats a repeat as done)
     */
    public Erasure erase(Instant now) {
        if (status == MembershipStatus.ERASED) {
            throw new ConflictException("Person " + id + " is already erased.");
        }
        Person tombstone = new Person(id, null, null, null, null, null, null, registeredAt, MembershipStatus.ERASED,
                null);
        tombstone.consent = consent == null ? null : new Consent(consent.noticeVersion(), List.of(), consent.agreedAt());
        return new Erasure(tombstone, new PersonErased(id, now));
    }

    public boolean isErased() {
        return status == MembershipStatus.ERASED;
    }

    public boolean isExpert() {
        return profile.roles().contains(GroupRole.EXPERT);
    }

    private PersonProfileUpdated profileUpdated(Instant now) {
        return new PersonProfileUpdated(id, roleNames(), profile.languages(), profile.expertise(),
                profile.protectedIdentity(), now);
    }

    private List<String> roleNames() {
        return profile.sortedRoles().stream().map(Enum::name).toList();
    }

    private void requireStatus(String action, MembershipStatus... allowed) {
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw new ConflictException("Person " + id + " cannot " + action + ": status is " + status + ".");
        }
    }

    private void requireOpenInvitation(String action, Instant now) {
        requireStatus(action, MembershipStatus.INVITED);
        if (invitationLapsed(now)) {
            throw new ConflictException("Person " + id + " cannot " + action + ": the invitation expired at "
                    + invitation.expiresAt() + ".");
        }
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

    public Profile profile() {
        return profile;
    }

    public Consent consent() {
        return consent;
    }

    public List<String> affiliations() {
        return affiliations;
    }

    @Override
    public String toString() {
        return "Person[id=" + id + ", status=" + status + "]";
    }
}
