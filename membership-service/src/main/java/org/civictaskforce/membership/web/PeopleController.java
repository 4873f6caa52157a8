package org.civictaskforce.membership.web;

import java.net.URI;

import org.civictaskforce.membership.application.PersonService;
import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.membership.domain.PersonRules;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** People: register, look up, list with filters, and every step of the membership lifecycle. */
@RestController
@Validated
@RequestMapping(PeopleController.PATH)
public class PeopleController {
    static final String PATH = "/api/membership/people";

    private final PersonService service;

    public PeopleController(PersonService service) {
        this.service = service;
    }

    @PostMapping
    public ResponseEntity<PersonResponse> register(@Valid @RequestBody RegisterPersonRequest request) {
        Person person = service.register(request.toNewPerson(), request.toProfile());
        return ResponseEntity.created(URI.create(PATH + "/" + person.id())).body(PersonResponse.of(person));
    }

    /** The only read that shows contact details (see the TODO(identity) on {@link PersonDetailsResponse}). */
    @GetMapping("/{id}")
    public PersonDetailsResponse get(@PathVariable String id) {
        return PersonDetailsResponse.of(service.get(id));
    }

    /**
     * Sorted by registration time; the client cannot sort by contact fields. {@code q} matches the
     * start of any word of the display name, ignoring case and accents. Filtering by country, role,
     * expertise or language leaves out people with a protected identity (TODO(identity): not for
     * coordinators).
     */
    @GetMapping
    public PagedModel<PersonResponse> list(
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.COUNTRY) String country,
            @RequestParam(required = false) MembershipStatus status,
            @RequestParam(required = false) GroupRole role,
            @RequestParam(required = false) @Pattern(regexp = ProfileRequest.TAG, message = ProfileRequest.TAG_MESSAGE) String expertise,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.LANGUAGE) String language,
            @RequestParam(required = false) @Size(min = 1, max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PersonFilter filter = new PersonFilter(PersonRules.normaliseCountry(country), status, role,
                PersonRules.normaliseTag(expertise), PersonRules.normaliseLanguage(language),
                q == null || q.isBlank() ? null : q);
        return new PagedModel<>(service.search(filter, PageRequest.of(page, size)).map(PersonResponse::of));
    }

    @PostMapping("/{id}/invitations")
    public ResponseEntity<InvitationResponse> invite(@PathVariable String id) {
        PersonService.Invited invited = service.invite(id);
        var event = invited.event();
        return ResponseEntity.status(HttpStatus.CREATED).body(new InvitationResponse(event.personId(), event.invitationId(), invited.person().status(),
                        event.invitedAt(), event.expiresAt()));
    }

    @PostMapping("/{id}/invitation/accept")
    public PersonResponse accept(@PathVariable String id) {
        return PersonResponse.of(service.accept(id));
    }

    @PostMapping("/{id}/invitation/decline")
    public PersonResponse decline(@PathVariable String id) {
        return PersonResponse.of(service.decline(id));
    }

    /** Records what the person agreed to; answers the person with the consent (the single-person view). */
    @PostMapping("/{id}/consent")
    public PersonDetailsResponse consent(@PathVariable String id, @Valid @RequestBody ConsentRequest request) {
        return PersonDetailsResponse.of(service.recordConsent(id, request.noticeVersion(), request.agreedTo()));
    }

    /** A coordinator approves an accepted member; needs recorded consent. TODO(identity): coordinators only. */
    @PostMapping("/{id}/activate")
    public PersonResponse activate(@PathVariable String id) {
        return PersonResponse.of(service.activate(id));
    }

    /** TODO(identity): only the person themself. */
    @PostMapping("/{id}/leave")
    public PersonResponse leave(@PathVariable String id) {
        return PersonResponse.of(service.leave(id));
    }

    /** TODO(identity): coordinators only. */
    @PostMapping("/{id}/remove")
    public PersonResponse remove(@PathVariable String id) {
        return PersonResponse.of(service.remove(id));
    }

    /** Replaces roles, languages, expertise and the protected-identity flag. TODO(identity): coordinators and the person. */
    @PutMapping("/{id}/profile")
    public PersonResponse profile(@PathVariable String id, @Valid @RequestBody ProfileRequest request) {
        return PersonResponse.of(service.updateProfile(id, request.toProfile()));
    }

    /** Replaces the person's affiliations; unknown organisation ids are a 422 problem. */
    @PutMapping("/{id}/affiliations")
    public PersonResponse affiliations(@PathVariable String id, @Valid @RequestBody AffiliationsRequest request) {
        return PersonResponse.of(service.changeAffiliations(id, request.organisationIds()));
    }
}
