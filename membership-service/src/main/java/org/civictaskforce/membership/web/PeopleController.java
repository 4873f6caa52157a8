package org.civictaskforce.membership.web;

import java.net.URI;

import org.civictaskforce.membership.application.PersonService;
import org.civictaskforce.membership.domain.GroupRole;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonFilter;
import org.civictaskforce.membership.domain.PersonRules;
import org.civictaskforce.platform.security.Caller;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;

/**
 * People: register, look up, list with filters, and every step of the membership lifecycle.
 *
 * <p>Access (checked here, before anything is loaded, so a refusal says nothing about whether the
 * person exists): registering, inviting, activating and removing are for coordinators; answering an
 * invitation, leaving and recording consent only for the person themself; the profile and the
 * affiliations for the person or a coordinator (only a coordinator changes roles). Reads: see
 * {@link #get} and {@link #list}. The table is in the README.
 */
@RestController
@Validated
@RequestMapping(PeopleController.PATH)
public class PeopleController {
    static final String PATH = "/api/membership/people";
    static final String ME = "/me";

    private final PersonService service;

    public PeopleController(PersonService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Register a person as a candidate (coordinators)")
    @ApiResponse(responseCode = "201", description = "Registered (Location: the person)", useReturnTypeSchema = true)
    public ResponseEntity<PersonResponse> register(@Valid @RequestBody RegisterPersonRequest request) {
        Person person = service.register(request.toNewPerson(), request.toProfile(), Caller.current());
        return ResponseEntity.created(URI.create(PATH + "/" + person.id())).body(PersonResponse.full(person));
    }

    /**
     * The only read that shows contact details and consent: to the person themself and to
     * coordinators. Any other member (a caller with a working-group role) gets the public view, in
     * which a protected person shows only their display name; a caller without any role (invited, not
     * yet active) may read only themself.
     */
    @GetMapping("/{id}")
    @Operation(summary = "A person: in full to themself and coordinators, else the public view")
    @ApiResponse(responseCode = "200", description = "In full (contact details, consent) to the person themself and "
            + "coordinators, else the public view",
            content = @Content(schema = @Schema(anyOf = { PersonDetailsResponse.class, PersonResponse.class })))
    public Object get(@PathVariable String id) {
        Caller caller = Caller.current();
        Person person = service.get(id, caller);
        return caller.is(id) || caller.isCoordinator() ? PersonDetailsResponse.of(person) : PersonResponse.of(person);
    }

    /**
     * The signed-in person's own record in full (contact, profile, invitation, consent): the same view
     * {@code GET /{id}} gives them, found by the token's subject, so a client need not know the id.
     * Any signed-in person, with or without a role; {@code 404} when the caller is no person here
     * (the bootstrap coordinator account).
     */
    @GetMapping(ME)
    public PersonDetailsResponse me() {
        return PersonDetailsResponse.of(service.own(Caller.current()));
    }

    /**
     * The signed-in person corrects their own name, full name, contact e-mail, preferred language,
     * other languages and time zone: PATCH, because a correction names only what it changes (left-out
     * fields stay), so a client correcting one field cannot undo a change made meanwhile to another.
     * Answers their record as {@link #me()} does.
     */
    @PatchMapping(ME)
    public PersonDetailsResponse correctMe(@Valid @RequestBody MyDetailsRequest request) {
        return PersonDetailsResponse.of(service.correctOwn(request.toCorrection(), Caller.current()));
    }

    /**
     * Sorted by registration time; the client cannot sort by contact fields. {@code q} matches the
     * start of any word of the display name, ignoring case and accents. Filtering by country, role,
     * expertise or language leaves out people with a protected identity, whom lists show by display
     * name only. Coordinators see everyone in full and filter over every attribute. Any working-group
     * role may list.
     */
    @GetMapping
    @Operation(summary = "People, filtered and paged, with a name search (members)")
    public PagedModel<PersonResponse> list(
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.COUNTRY) String country,
            @RequestParam(required = false) MembershipStatus status,
            @RequestParam(required = false) GroupRole role,
            @RequestParam(required = false) @Pattern(regexp = ProfileRequest.TAG, message = ProfileRequest.TAG_MESSAGE) String expertise,
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.LANGUAGE) String language,
            @RequestParam(required = false) @Size(min = 1, max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = Caller.current();
        PersonFilter filter = new PersonFilter(PersonRules.normaliseCountry(country), status, role,
                PersonRules.normaliseTag(expertise), PersonRules.normaliseLanguage(language),
                q == null || q.isBlank() ? null : q);
        return new PagedModel<>(service.search(filter, PageRequest.of(page, size), caller)
                .map(p -> caller.isCoordinator() || caller.is(p.id()) ? PersonResponse.full(p) : PersonResponse.of(p)));
    }

    @PostMapping("/{id}/invitations")
    @Operation(summary = "Invite a person to the Working Group (coordinators)")
    @ApiResponse(responseCode = "201", description = "Invited", useReturnTypeSchema = true)
    public ResponseEntity<InvitationResponse> invite(@PathVariable String id) {
        PersonService.Invited invited = service.invite(id, Caller.current());
        var event = invited.event();
        return ResponseEntity.status(HttpStatus.CREATED).body(new InvitationResponse(event.personId(), event.invitationId(), invited.person().status(),
                        event.invitedAt(), event.expiresAt()));
    }

    /** Only the invited person themself (no role needed: an invited person has none yet). */
    @PostMapping("/{id}/invitation/accept")
    @Operation(summary = "Accept one's own invitation")
    public PersonResponse accept(@PathVariable String id) {
        return PersonResponse.full(service.accept(id, Caller.current()));
    }

    /** Only the invited person themself. */
    @PostMapping("/{id}/invitation/decline")
    @Operation(summary = "Decline one's own invitation")
    public PersonResponse decline(@PathVariable String id) {
        return PersonResponse.full(service.decline(id, Caller.current()));
    }

    /**
     * Records what the person agreed to; only the person themself (consent given by someone else is
     * no consent); answers the person with the consent (the single-person view).
     */
    @PostMapping("/{id}/consent")
    @Operation(summary = "Record one's own consent to a notice version and its purposes")
    public PersonDetailsResponse consent(@PathVariable String id, @Valid @RequestBody ConsentRequest request) {
        return PersonDetailsResponse.of(service.recordConsent(id, request.noticeVersion(), request.agreedTo(),
                Caller.current()));
    }

    /** A coordinator approves an accepted member; needs recorded consent. */
    @PostMapping("/{id}/activate")
    @Operation(summary = "Activate an accepted member who has consented (coordinators)")
    public PersonResponse activate(@PathVariable String id) {
        return PersonResponse.full(service.activate(id, Caller.current()));
    }

    /** The member leaves of their own accord: only the person themself (a coordinator removes instead). */
    @PostMapping("/{id}/leave")
    @Operation(summary = "Leave the Working Group (the person themself)")
    public PersonResponse leave(@PathVariable String id) {
        return PersonResponse.full(service.leave(id, Caller.current()));
    }

    @PostMapping("/{id}/remove")
    @Operation(summary = "Remove a member (coordinators)")
    public PersonResponse remove(@PathVariable String id) {
        return PersonResponse.full(service.remove(id, Caller.current()));
    }

    /**
     * Replaces languages, expertise and the protected-identity flag (the person or a coordinator) and
     * the roles (a coordinator only: a person who sends roles other than their current ones is refused
     * with 403 and nothing changes; left out, the roles stay).
     */
    @PutMapping("/{id}/profile")
    @Operation(summary = "Replace languages, expertise, protected identity and (coordinators) roles")
    public PersonResponse profile(@PathVariable String id, @Valid @RequestBody ProfileRequest request) {
        return PersonResponse.full(service.updateProfile(id, request.roles(), request.languages(),
                request.expertise(), request.protectedIdentity(), Caller.current()));
    }

    /** Replaces the person's affiliations (the person or a coordinator); unknown organisation ids are a 422 problem. */
    @PutMapping("/{id}/affiliations")
    @Operation(summary = "Replace the person's affiliations with organisations")
    public PersonResponse affiliations(@PathVariable String id, @Valid @RequestBody AffiliationsRequest request) {
        return PersonResponse.full(service.changeAffiliations(id, request.organisationIds(), Caller.current()));
    }
}
