package org.civictaskforce.membership.web;

import java.net.URI;

import org.civictaskforce.membership.application.PersonService;
import org.civictaskforce.membership.domain.MembershipStatus;
import org.civictaskforce.membership.domain.Person;
import org.civictaskforce.membership.domain.PersonRules;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** People: register, look up, list with filters, invite. */
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
        Person person = service.register(request.toNewPerson());
        return ResponseEntity.created(URI.create(PATH + "/" + person.id())).body(PersonResponse.of(person));
    }

    /** The only read that shows contact details (see the TODO(identity) on {@link PersonDetailsResponse}). */
    @GetMapping("/{id}")
    public PersonDetailsResponse get(@PathVariable String id) {
        return PersonDetailsResponse.of(service.get(id));
    }

    /** Sorted by registration time; the client cannot sort by contact fields. */
    @GetMapping
    public PagedModel<PersonResponse> list(
            @RequestParam(required = false) @IsoCode(IsoCode.Kind.COUNTRY) String country,
            @RequestParam(required = false) MembershipStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new PagedModel<>(service.search(PersonRules.normaliseCountry(country), status,
                PageRequest.of(page, size)).map(PersonResponse::of));
    }

    @PostMapping("/{id}/invitations")
    public ResponseEntity<InvitationResponse> invite(@PathVariable String id) {
        PersonService.Invited invited = service.invite(id);
        var event = invited.event();
        return ResponseEntity.status(HttpStatus.CREATED).body(new InvitationResponse(event.personId(), event.invitationId(), invited.person().status(),
                        event.invitedAt(), event.expiresAt()));
    }
}
