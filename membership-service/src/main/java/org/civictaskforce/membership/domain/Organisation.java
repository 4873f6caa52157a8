package org.civictaskforce.membership.domain;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.civictaskforce.contracts.membership.OrganisationRegistered;
import org.civictaskforce.contracts.membership.OrganisationStatusChanged;
import org.civictaskforce.platform.problem.ConflictException;

/**
 * A civil-society organisation in the Working Group's orbit. Its contact (e-mail, phone) is protected:
 * shown only by the single-organisation read, never in lists or events.
 */
public final class Organisation {
    public static final int NAME_MAX = 200;
    public static final int MAX_FOCUS_AREAS = 20;

    private final String id;
    private final String name;
    private final String country;
    private final OrganisationKind kind;
    private final List<String> focusAreas;
    private final String website;
    private final String contactEmail;
    private final String contactPhone;
    private final Instant registeredAt;
    private OrganisationStatus status;

    private Organisation(String id, String name, String country, OrganisationKind kind, List<String> focusAreas,
            String website, String contactEmail, String contactPhone, Instant registeredAt, OrganisationStatus status) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.country = country;
        this.kind = kind;
        this.focusAreas = List.copyOf(focusAreas);
        this.website = website;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.registeredAt = registeredAt;
        this.status = status;
    }

    public record Registration(Organisation organisation, OrganisationRegistered event) {
    }

    public static Registration register(String id, NewOrganisation details, Instant now) {
        if (details.name() == null || details.name().isBlank() || details.name().strip().length() > NAME_MAX) {
            throw new InvalidPersonException("name", "is required (at most " + NAME_MAX + " characters)");
        }
        if (!PersonRules.isCountry(details.country())) {
            throw new InvalidPersonException("country", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (details.kind() == null) {
            throw new InvalidPersonException("kind", "is required");
        }
        Set<String> focus = new LinkedHashSet<>();
        for (String area : details.focusAreas() == null ? List.<String>of() : details.focusAreas()) {
            String tag = PersonRules.normaliseTag(area);
            if (!PersonRules.isTag(tag)) {
                throw new InvalidPersonException("focusAreas", "must be tags of 1-50 letters a-z, digits or dashes");
            }
            focus.add(tag);
        }
        if (focus.size() > MAX_FOCUS_AREAS) {
            throw new InvalidPersonException("focusAreas", "must be at most " + MAX_FOCUS_AREAS);
        }
        String website = blankToNull(details.website());
        if (website != null && !isWebsite(website)) {
            throw new InvalidPersonException("website", "must be an http(s) address");
        }
        String email = blankToNull(details.contactEmail());
        if (email != null && !PersonRules.isEmail(email)) {
            throw new InvalidPersonException("contactEmail", "must be an e-mail address");
        }
        Organisation organisation = new Organisation(id, details.name().strip(),
                PersonRules.normaliseCountry(details.country()), details.kind(), new ArrayList<>(focus), website, email,
                blankToNull(details.contactPhone()), now, OrganisationStatus.CANDIDATE);
        return new Registration(organisation, new OrganisationRegistered(id, organisation.country,
                organisation.kind.name(), organisation.focusAreas, now));
    }

    public static Organisation restore(String id, String name, String country, OrganisationKind kind,
            List<String> focusAreas, String website, String contactEmail, String contactPhone, Instant registeredAt,
            OrganisationStatus status) {
        return new Organisation(id, name, country, kind, focusAreas == null ? List.of() : focusAreas, website,
                contactEmail, contactPhone, registeredAt, status);
    }

    public static boolean isWebsite(String website) {
        try {
            URI uri = URI.create(website.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && website.length() <= 300;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public OrganisationStatusChanged invite(Instant now) {
        return move(OrganisationStatus.INVITED, now, OrganisationStatus.CANDIDATE);
    }

    public OrganisationStatusChanged join(Instant now) {
        return move(OrganisationStatus.MEMBER, now, OrganisationStatus.INVITED);
    }

    public OrganisationStatusChanged withdraw(Instant now) {
        return move(OrganisationStatus.WITHDRAWN, now, OrganisationStatus.INVITED, OrganisationStatus.MEMBER);
    }

    private OrganisationStatusChanged move(OrganisationStatus to, Instant now, OrganisationStatus... from) {
        if (!List.of(from).contains(status)) {
            throw new ConflictException("Organisation " + id + " cannot move to " + to + ": status is " + status + ".");
        }
        OrganisationStatus previous = status;
        status = to;
        return new OrganisationStatusChanged(id, previous.name(), to.name(), now);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public List<String> focusAreas() {
        return focusAreas;
    }

    public String website() {
        return website;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public OrganisationStatus status() {
        return status;
    }

    @Override
    public String toString() {
        return "Organisation[id=" + id + ", status=" + status + "]";
    }
}
