package org.civictaskforce.research.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.civictaskforce.documents.Document;
import org.civictaskforce.documents.DocumentFormat;
import org.civictaskforce.documents.UnsupportedFormatException;
import org.civictaskforce.platform.problem.InvalidRequestException;
import org.civictaskforce.research.application.AnalyticalNoteDocuments;
import org.civictaskforce.research.application.AnalyticalNoteService;
import org.civictaskforce.research.application.AnalyticalNoteStore;
import org.civictaskforce.research.domain.note.NoteChanges;
import org.civictaskforce.research.domain.note.NoteContent;
import org.civictaskforce.research.domain.note.NoteVersion;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The analytical note: the draft compiled from accepted findings, publishing numbered immutable
 * versions, and downloads (Markdown, HTML, PDF, DOCX) chosen by {@code ?format=} or {@code Accept}.
 * Any signed-in member reads the draft and the versions; publishing is a coordinator's action.
 */
@RestController
@RequestMapping("/api/research/note")
public class AnalyticalNoteController {
    private final AnalyticalNoteService note;

    public AnalyticalNoteController(AnalyticalNoteService note) {
        this.note = note;
    }

    public record DraftResponse(Integer latestNumber, int findings, int institutions, int countries,
            NoteChanges changes, List<NoteContent.InstitutionPart> institutionParts) {
        static DraftResponse of(AnalyticalNoteService.Draft d) {
            return new DraftResponse(d.latestNumber(), d.content().findings().size(), d.content().institutions().size(),
                    d.content().countries(), d.changes(), d.content().institutions());
        }
    }

    public record VersionResponse(String id, int number, Instant publishedAt, int findings, int institutions,
            int countries, NoteChanges changes, List<NoteContent.InstitutionPart> institutionParts) {
        static VersionResponse of(NoteVersion v) {
            return new VersionResponse(v.id(), v.number(), v.publishedAt(), v.content().findings().size(),
                    v.content().institutions().size(), v.content().countries(), v.changes(), v.content().institutions());
        }
    }

    public record VersionsResponse(List<AnalyticalNoteStore.Summary> versions) {
    }

    @GetMapping("/draft")
    @Operation(summary = "The note as it would be published now, and what would change against the latest version: "
            + "JSON, or a download by ?format=md|html|pdf|docx or Accept")
    @ApiResponse(responseCode = "200", description = "The draft: JSON, or the chosen download", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DraftResponse.class)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    schema = @Schema(type = "string", format = "binary")) })
    public ResponseEntity<?> draft(@RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Access.member();
        AnalyticalNoteService.Draft draft = note.draft();
        DocumentFormat chosen = chosen(format, accept);
        if (chosen == null) {
            return ResponseEntity.ok(DraftResponse.of(draft));
        }
        return download(AnalyticalNoteDocuments.draft(draft), chosen, AnalyticalNoteDocuments.draftFileName(chosen));
    }

    @PostMapping("/versions")
    @Operation(summary = "Publish the draft as the next numbered, immutable version: 201; 422 without accepted "
            + "findings, 409 when nothing changed since the latest version")
    @ApiResponse(responseCode = "201", description = "Published (Location: the version)", useReturnTypeSchema = true)
    public ResponseEntity<VersionResponse> publish() {
        Access.coordinator();
        NoteVersion v = note.publish();
        return ResponseEntity.created(URI.create("/api/research/note/versions/" + v.number())).body(VersionResponse.of(v));
    }

    @GetMapping("/versions")
    @Operation(summary = "Every published version, oldest first, with counts (no content)")
    public VersionsResponse versions() {
        Access.member();
        return new VersionsResponse(note.versions());
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "A published version: JSON, or a download by ?format=md|html|pdf|docx or Accept; 404 if unknown")
    @ApiResponse(responseCode = "200", description = "The version: JSON, or the chosen download", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = VersionResponse.class)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    schema = @Schema(type = "string", format = "binary")) })
    public ResponseEntity<?> version(@PathVariable int number, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Access.member();
        NoteVersion v = note.version(number);
        DocumentFormat chosen = chosen(format, accept);
        if (chosen == null) {
            return ResponseEntity.ok(VersionResponse.of(v));
        }
        return download(AnalyticalNoteDocuments.of(v), chosen, AnalyticalNoteDocuments.fileName(v, chosen));
    }

    @GetMapping("/versions/{number}/changes")
    @Operation(summary = "What changed since the previous version: findings added, removed, changed")
    public NoteChanges changes(@PathVariable int number) {
        Access.member();
        return note.version(number).changes();
    }

    /**
     * The download format, or null for JSON: JSON when {@code format=json}, or when no format is named and
     * Accept is missing, a bare wildcard, asks for JSON or names nothing the renderer writes. An unknown
     * {@code format} is a 400 problem.
     */
    static DocumentFormat chosen(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (format.strip().equalsIgnoreCase("json")) {
                return null;
            }
            try {
                return DocumentFormat.negotiate(format, null, null).orElseThrow();
            } catch (UnsupportedFormatException e) {
                throw new InvalidRequestException(e.getMessage());
            }
        }
        if (accept == null || accept.isBlank() || accept.strip().equals("*/*") || accept.contains("json")) {
            return null;
        }
        return DocumentFormat.negotiate(null, accept, DocumentFormat.HTML).orElse(null);
    }

    private static ResponseEntity<byte[]> download(Document document, DocumentFormat format, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(AnalyticalNoteDocuments.render(document, format));
    }
}
