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
import org.civictaskforce.contracts.membership.PersonProfileCorrected;
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
    private String displayName;
    private String fullName;
    private String email;
    private final String country;
    private String preferredLanguage;
    private String timeZone;
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
        String displayName = checkedDisplayName(details.displayName());
        String fullName = checkedFullName(details.fullName());
        String email = checkedEmail(details.email());
        if (!PersonRules.isCountry(required("country", details.country()))) {
            throw new InvalidPersonException("country", "must be an ISO 3166-1 alpha-2 country code");
        }
        checkedLanguage(details.preferredLanguage());
        checkedTimeZone(details.timeZone());
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

    /**
     * The person corrects their own details, checked by the registration's rules; the preferred language
     * must moreover be one the workspace speaks ({@link PersonRules#isServiceLanguage}). Raises
     * {@link PersonProfileCorrected} naming the corrected fields (never their values) and, when the other
     * languages changed, {@link PersonProfileUpdated} as any profile change does; nothing when nothing
     * changed. A changed contact reaches the contacts topic through the stored contact revision.
     *
     * @throws ConflictException once the person was removed or erased
     */
    public List<Object> correct(DetailsCorrection correction, Instant now) {
        Objects.requireNonNull(correction, "correction");
        if (status == MembershipStatus.REMOVED || status == MembershipStatus.ERASED) {
            throw new ConflictException("Person " + id + " was " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + "; their details can no longer change.");
        }
        // every value is checked before anything changes: a bad one leaves the person as they were
        String newDisplayName = correction.displayName() == null ? displayName
                : checkedDisplayName(correction.displayName());
        String newFullName = correction.fullName() == null ? fullName : checkedFullName(correction.fullName());
        String newEmail = correction.email() == null ? email : checkedEmail(correction.email());
        String newLanguage = preferredLanguage;
        if (correction.preferredLanguage() != null) {
            newLanguage = checkedLanguage(correction.preferredLanguage());
            if (!PersonRules.isServiceLanguage(newLanguage)) {
                throw new InvalidPersonException("preferredLanguage", "must be one of " + PersonRules.SERVICE_LANGUAGES);
            }
        }
        String newZone = correction.timeZone() == null ? timeZone : checkedTimeZone(correction.timeZone());
        Profile newProfile = correction.languages() == null ? profile
                : Profile.of(profile.roles(), correction.languages(), profile.expertise(), profile.protectedIdentity());

        List<String> corrected = new ArrayList<>();
        if (!newDisplayName.equals(displayName)) {
            corrected.add(PersonProfileCorrected.DISPLAY_NAME);
        }
        if (!Objects.equals(newFullName, fullName)) {
            corrected.add(PersonProfileCorrected.FULL_NAME);
        }
        if (!newEmail.equals(email)) {
            corrected.add(PersonProfileCorrected.EMAIL);
        }
        if (!newLanguage.equals(preferredLanguage)) {
            corrected.add(PersonProfileCorrected.PREFERRED_LANGUAGE);
        }
        if (!newZone.equals(timeZone)) {
            corrected.add(PersonProfileCorrected.TIME_ZONE);
        }
        displayName = newDisplayName;
        fullName = newFullName;
        email = newEmail;
        preferredLanguage = newLanguage;
        timeZone = newZone;
        List<Object> events = new ArrayList<>();
        if (!corrected.isEmpty()) {
            events.add(new PersonProfileCorrected(id, corrected, preferredLanguage, now));
        }
        if (!newProfile.languages().equals(profile.languages())) {
            profile = newProfile;
            events.add(profileUpdated(now));
        }
        return events;
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

    // the registration's rules, one place for registering and correcting

    private static String checkedDisplayName(String value) {
        String displayName = required("displayName", value);
        if (displayName.length() > PersonRules.DISPLAY_NAME_MAX) {
            throw new InvalidPersonException("displayName", "must be at most " + PersonRules.DISPLAY_NAME_MAX + " characters");
        }
        return displayName;
    }

    /** Optional: blank means none. */
    private static String checkedFullName(String value) {
        String fullName = value == null || value.isBlank() ? null : value.strip();
        if (fullName != null && fullName.length() > PersonRules.FULL_NAME_MAX) {
            throw new InvalidPersonException("fullName", "must be at most " + PersonRules.FULL_NAME_MAX + " characters");
        }
        return fullName;
    }

    private static String checkedEmail(String value) {
        String email = required("email", value);
        if (!PersonRules.isEmail(email)) {
            throw new InvalidPersonException("email", "must be an e-mail address");
        }
        return email;
    }

    /** The preferred language, normalised (lower case). */
    private static String checkedLanguage(String value) {
        if (!PersonRules.isLanguage(required("preferredLanguage", value))) {
            throw new InvalidPersonException("preferredLanguage", "must be an ISO 639-1 language code");
        }
        return PersonRules.normaliseLanguage(value);
    }

    private static String checkedTimeZone(String value) {
        if (!PersonRules.isTimeZone(required("timeZone", value))) {
            throw new InvalidPersonException("timeZone", "must be an IANA time zone id such as Asia/Almaty");
        }
        return value.strip();
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
