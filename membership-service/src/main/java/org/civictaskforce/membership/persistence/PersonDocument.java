package org.civictaskforce.membership.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.civictaskforce.membership.domain.Consent;
import org.civictaskforce.membership.domain.ContactDetails;
import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.Invitation;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonRules;
import org.civictaskforce.membership.domain.Profile;
import org.civictaskforce.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person as stored in {@code people}: the aggregate's state and what waits to be published (the outbox: its
 * events, and its contact record for the compacted contacts topic when the contact changed; see
 * {@link MongoPersonStore}).
 */
@Document(collection = PersonDocument.COLLECTION)
@CompoundIndex(name = "country_status", def = "{'country': 1, 'status': 1}")
// Indexes for the list filters (each ends with the list order registeredAt, _id, so MongoDB pages
// without an in-memory sort) and for the invitation-expiry job. Measured in docs/benchmarks.md.
@CompoundIndex(name = "list_order", def = "{'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "status_list", def = "{'status': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "country_status_list", def = "{'country': 1, 'status': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "roles_status_list", def = "{'roles': 1, 'status': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "expertise_list", def = "{'expertise': 1, 'registeredAt': 1, '_id': 1}")
@CompoundIndex(name = "name_words", def = "{'nameWords': 1}")
@CompoundIndex(name = "invitation_expiry", def = "{'status': 1, 'invitation.expiresAt': 1}")
@CompoundIndex(name = "affiliations", def = "{'affiliations': 1}")
public class PersonDocument extends OutboxDocument {
    public static final String COLLECTION = "people";

    @Id
    private String id;
    private String displayName;
    private String fullName;
    private String email;
    /** The e-mail as compared for uniqueness (trimmed, lower case). */
    @Indexed(name = "email_key_unique", unique = true)
    private String emailKey;
    @Indexed(name = "country")
    private String country;
    private String preferredLanguage;
    private String timeZone;
    @Indexed(name = "status")
    private MembershipStatus status;
    private Instant registeredAt;
    private InvitationState invitation;
    private List<GroupRole> roles = new ArrayList<>();
    private List<String> languages = new ArrayList<>();
    private List<String> expertise = new ArrayList<>();
    private boolean protectedIdentity;
    /** The display name's words in search form ({@link PersonRules#nameWords}), for the text filter. */
    private List<String> nameWords = new ArrayList<>();
    private ConsentState consent;
    private List<String> affiliations = new ArrayList<>();
    /** Set when the person is erased (the document is then the anonymous tombstone). */
    private boolean erased;
    private Instant erasedAt;

    /** Embedded invitation. */
    public record InvitationState(String invitationId, Instant invitedAt, Instant expiresAt) {
    }

    /** Embedded consent. */
    public record ConsentState(String noticeVersion, List<String> agreedTo, Instant agreedAt) {
    }


    public static PersonDocument newFor(Person person) {
        PersonDocument document = new PersonDocument();
        document.id = person.id();
        document.registeredAt = person.registeredAt();
        document.apply(person);
        return document;
    }

    /** Copies the aggregate's state in; returns whether the contact (name, e-mail, language, time zone) changed. */
    public boolean apply(Person person) {
        ContactDetails before = contact();
        displayName = person.displayName();
        fullName = person.fullName();
        email = person.email();
        emailKey = PersonRules.emailKey(person.email());
        country = person.country();
        preferredLanguage = person.preferredLanguage();
        timeZone = person.timeZone();
        status = person.status();
        Invitation i = person.invitation();
        invitation = i == null ? null : new InvitationState(i.invitationId(), i.invitedAt(), i.expiresAt());
        Profile profile = person.profile();
        roles = new ArrayList<>(profile.sortedRoles());
        languages = new ArrayList<>(profile.languages());
        expertise = new ArrayList<>(profile.expertise());
        protectedIdentity = profile.protectedIdentity();
        nameWords = new ArrayList<>(PersonRules.nameWords(person.displayName()));
        Consent c = person.consent();
        consent = c == null ? null : new ConsentState(c.noticeVersion(), c.agreedTo(), c.agreedAt());
        affiliations = new ArrayList<>(person.affiliations());
        return !person.contact().equals(before);
    }

    /**
     * Turns the document into the anonymous tombstone in this same save: every personal field is
     * blanked by {@link #apply} and the unique e-mail key is freed (replaced by a key made of the id,
     * since a unique index allows one missing value only).
     */
    public void erase(Person tombstone, Instant when) {
        apply(tombstone);
        emailKey = "erased:" + id;
        erased = true;
        erasedAt = when;
    }

    public Person toDomain() {
        return Person.restore(id, displayName, fullName, email, country, preferredLanguage, timeZone, registeredAt,
                status, invitation == null ? null
                        : new Invitation(invitation.invitationId(), invitation.invitedAt(), invitation.expiresAt()),
                new Profile(roles == null || roles.isEmpty() ? null : EnumSet.copyOf(roles), languages, expertise,
                        protectedIdentity),
                consent == null ? null : new Consent(consent.noticeVersion(), consent.agreedTo(), consent.agreedAt()),
                affiliations);
    }

    private ContactDetails contact() {
        return new ContactDetails(displayName, email, preferredLanguage, timeZone);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public void setEmailKey(String emailKey) {
        this.emailKey = emailKey;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public void setStatus(MembershipStatus status) {
        this.status = status;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(Instant registeredAt) {
        this.registeredAt = registeredAt;
    }

    public InvitationState getInvitation() {
        return invitation;
    }

    public void setInvitation(InvitationState invitation) {
        this.invitation = invitation;
    }

    public boolean isErased() {
        return erased;
    }

    public void setErased(boolean erased) {
        this.erased = erased;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public void setErasedAt(Instant erasedAt) {
        this.erasedAt = erasedAt;
    }
}
