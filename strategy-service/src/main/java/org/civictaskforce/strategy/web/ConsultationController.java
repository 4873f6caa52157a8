package org.civictaskforce.strategy.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.strategy.application.ConsultationService;
import org.civictaskforce.strategy.domain.consultation.Comment;
import org.civictaskforce.strategy.domain.consultation.ConsultationRound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Consultation rounds on a strategy version or a guide edition. Open and resolve: coordinators;
 * comment: the round's invitees; change or withdraw a comment: its author; see a round: members and
 * its invitees (anyone else: 404). Request bodies carry only what the caller may set: an author, a
 * resolution or a status in a comment's body is ignored.
 */
@RestController
@RequestMapping("/api/strategy/consultations")
public class ConsultationController {
    private final ConsultationService consultations;

    public ConsultationController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    public record OpenRequest(@NotNull ConsultationRound.SubjectKind subjectKind,
            @NotBlank @Size(max = 100) String subjectRef, @NotNull LocalDateTime deadline,
            @NotBlank @Size(max = 64) String timeZone,
            @Size(max = ConsultationRound.MAX_INVITED_ORGANISATIONS) List<@Size(max = 64) String> invitedOrganisations,
            @Size(max = ConsultationRound.MAX_INVITED_PEOPLE) List<@Size(max = 64) String> invitedPeople) {
    }

    public record CommentRequest(@NotBlank @Size(max = 100) String sectionKey,
            @Size(max = ConsultationRound.MAX_QUOTE) String quote,
            @NotBlank @Size(max = ConsultationRound.MAX_TEXT) String text) {
    }

    /** A comment's new text (at most {@value ConsultationRound#MAX_TEXT}) or a reply (at most 4 000). */
    public record TextRequest(@NotBlank @Size(max = ConsultationRound.MAX_TEXT) String text) {
    }

    public record ResolutionRequest(@NotNull Comment.Outcome outcome,
            @Size(max = ConsultationRound.MAX_REASON) String reason) {
    }

    public record ParticipationView(int people, int organisations, int organisationsAndExperts, int countries,
            Set<String> byCountry, int targetMin, int targetMax, int targetCountries, boolean targetMet) {
        static ParticipationView of(ConsultationRound.Participation p) {
            return new ParticipationView(p.people(), p.organisations(), p.organisationsAndExperts(), p.countries(),
                    p.byCountry(), ConsultationRound.Participation.TARGET_MIN, ConsultationRound.Participation.TARGET_MAX,
                    ConsultationRound.Participation.TARGET_COUNTRIES, p.targetMet());
        }
    }

    /** One section of the consulted text as it was when the round opened: what quotes must occur in. */
    public record SectionText(String key, String text) {
    }

    /**
     * A round; {@code texts} is the consulted text per section (the snapshot taken at opening), so that
     * invitees read, and quote from, exactly what the round checks quotes against.
     */
    public record RoundView(String id, String subjectKind, String subjectRef, String status, Instant deadline,
            LocalDateTime deadlineLocal, String timeZone, List<String> sections, List<SectionText> texts,
            List<String> invitedOrganisations, List<String> invitedPeople, Instant openedAt, Instant closedAt,
            List<Comment> comments, ParticipationView participation) {
        static RoundView of(ConsultationRound r) {
            return new RoundView(r.id(), r.subjectKind().name(), r.subjectRef(), r.status().name(), r.deadline(),
                    LocalDateTime.ofInstant(r.deadline(), ZoneId.of(r.timeZone())), r.timeZone(), r.sectionKeys(),
                    r.sections().entrySet().stream().map(e -> new SectionText(e.getKey(), e.getValue())).toList(),
                    r.invitedOrganisations(), r.invitedPeople(), r.openedAt(), r.closedAt(), r.comments(),
                    ParticipationView.of(r.participation()));
        }
    }

    @PostMapping
    @Operation(summary = "Open a round with a deadline (local time + IANA zone) and invitees (coordinators)")
    @ApiResponse(responseCode = "201", description = "Opened (Location: the round)", useReturnTypeSchema = true)
    public ResponseEntity<RoundView> open(@Valid @RequestBody OpenRequest request) {
        ConsultationRound round = consultations.open(new ConsultationService.Opening(request.subjectKind(),
                request.subjectRef(), request.deadline(), request.timeZone(), request.invitedOrganisations(),
                request.invitedPeople()), Caller.current());
        return ResponseEntity.created(URI.create("/api/strategy/consultations/" + round.id())).body(RoundView.of(round));
    }

    @GetMapping
    @Operation(summary = "The rounds the caller may see: all for members, their own invitations otherwise")
    public List<RoundView> rounds() {
        return consultations.rounds(Caller.current()).stream().map(RoundView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A round with its comments, replies, resolutions and participation")
    public RoundView round(@PathVariable String id) {
        return RoundView.of(consultations.round(id, Caller.current()));
    }

    @GetMapping("/{id}/participation")
    @Operation(summary = "Who took part (commented), against the target of 20–30 organisations and experts from 4 countries")
    public ParticipationView participation(@PathVariable String id) {
        return ParticipationView.of(consultations.round(id, Caller.current()).participation());
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Comment on a section, optionally quoting a passage of it (invitees; 409 after the deadline)")
    @ApiResponse(responseCode = "201", description = "Commented (Location: the comment)", useReturnTypeSchema = true)
    public ResponseEntity<Comment> comment(@PathVariable String id, @Valid @RequestBody CommentRequest request) {
        Comment created = consultations.comment(id, request.sectionKey(), request.quote(), request.text(),
                Caller.current());
        return ResponseEntity.created(URI.create("/api/strategy/consultations/" + id + "/comments/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}/comments/{commentId}")
    @Operation(summary = "Change one's own comment while the round is open")
    public Comment edit(@PathVariable String id, @PathVariable String commentId,
            @Valid @RequestBody TextRequest request) {
        return consultations.editComment(id, commentId, request.text(), Caller.current()).comment(commentId);
    }

    @DeleteMapping("/{id}/comments/{commentId}")
    @Operation(summary = "Withdraw one's own comment while the round is open")
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    public ResponseEntity<Void> withdraw(@PathVariable String id, @PathVariable String commentId) {
        consultations.withdrawComment(id, commentId, Caller.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/comments/{commentId}/replies")
    @Operation(summary = "Reply to a comment (invitees and coordinators)")
    @ApiResponse(responseCode = "201", description = "Replied", useReturnTypeSchema = true)
    public ResponseEntity<Comment> reply(@PathVariable String id, @PathVariable String commentId,
            @Valid @RequestBody TextRequest request) {
        return ResponseEntity.status(201)
                .body(consultations.reply(id, commentId, request.text(), Caller.current()).comment(commentId));
    }

    @PostMapping("/{id}/comments/{commentId}/resolution")
    @Operation(summary = "Resolve a comment: ACCEPTED, or DECLINED with a reason (coordinators)")
    public Comment resolve(@PathVariable String id, @PathVariable String commentId,
            @Valid @RequestBody ResolutionRequest request) {
        return consultations.resolve(id, commentId, request.outcome(), request.reason(), Caller.current())
                .comment(commentId);
    }
}
