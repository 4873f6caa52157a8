package org.civictaskforce.strategy.web;

import java.net.URI;

import org.civictaskforce.documents.DocumentFormat;
import org.civictaskforce.documents.UnsupportedFormatException;
import org.civictaskforce.strategy.application.EditionRenderer;
import org.civictaskforce.strategy.application.GuideService;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.strategy.domain.guide.Guide;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.civictaskforce.platform.problem.InvalidRequestException;
import org.civictaskforce.platform.security.Caller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The information guide, its translations and its published editions. The signed-in caller is
 * recorded with every change. Sections, review, translators and publication are the coordinators';
 * a language's translations are written and submitted only by the translators assigned to it.
 */
@RestController
@RequestMapping("/api/strategy/guide")
public class GuideController {

    private final GuideService guides;

    public GuideController(GuideService guides) {
        this.guides = guides;
    }

    @GetMapping
    @Operation(summary = "The guide: sections in the source language and the status of every translation")
    public GuideResponse guide() {
        return GuideResponse.from(guides.guide());
    }

    @PostMapping("/sections")
    @Operation(summary = "Add a section (appended after the existing ones), revision 1")
    @ApiResponse(responseCode = "201", description = "Added (Location: the section)", useReturnTypeSchema = true)
    public ResponseEntity<GuideResponse.SectionView> addSection(@Valid @RequestBody SectionRequest request) {
        Guide guide = guides.addSection(request.key(), request.title(), request.body(), Caller.current());
        return ResponseEntity.created(URI.create("/api/strategy/guide/sections/" + request.key()))
                .body(section(guide, request.key()));
    }

    @PutMapping("/sections/{key}")
    @Operation(summary = "Change a section's source text; a change bumps its revision and makes its translations stale")
    public GuideResponse.SectionView changeSection(@PathVariable String key,
            @Valid @RequestBody SectionChangeRequest request) {
        return section(guides.changeSection(key, request.title(), request.body(), Caller.current()), key);
    }

    @GetMapping("/sections/{key}/translations/{lang}")
    @Operation(summary = "One translation of a section")
    public TranslationResponse translation(@PathVariable String key, @PathVariable String lang) {
        Guide guide = guides.guide();
        if (guide.translation(key, lang).isEmpty()) {
            throw new org.civictaskforce.platform.problem.NotFoundException("Translation", key + "/" + lang);
        }
        return TranslationResponse.of(guide, key, lang);
    }

    @PutMapping("/sections/{key}/translations/{lang}")
    @Operation(summary = "Write a translation (a draft) based on a source revision")
    public TranslationResponse translate(@PathVariable String key, @PathVariable String lang,
            @Valid @RequestBody TranslationRequest request) {
        Guide guide = guides.translate(key, lang, request.title(), request.body(), request.basedOnRevision(), Caller.current());
        return TranslationResponse.of(guide, key, lang);
    }

    @PostMapping("/sections/{key}/translations/{lang}/submit")
    @Operation(summary = "Submit a draft translation for review")
    public TranslationResponse submit(@PathVariable String key, @PathVariable String lang) {
        return TranslationResponse.of(guides.submit(key, lang, Caller.current()), key, lang);
    }

    @PostMapping("/sections/{key}/translations/{lang}/approve")
    @Operation(summary = "Approve a translation in review")
    public TranslationResponse approve(@PathVariable String key, @PathVariable String lang) {
        return TranslationResponse.of(guides.approve(key, lang, Caller.current()), key, lang);
    }

    @PostMapping("/sections/{key}/translations/{lang}/return")
    @Operation(summary = "Return a translation in review to its translator (back to draft), with an optional comment "
            + "the translator reads until they submit it again")
    public TranslationResponse returnToTranslator(@PathVariable String key, @PathVariable String lang,
            @Valid @RequestBody(required = false) ReturnRequest request) {
        return TranslationResponse.of(guides.returnToTranslator(key, lang, request == null ? null : request.comment(),
                Caller.current()), key, lang);
    }

    /** Why a translation goes back to its translator (optional). */
    public record ReturnRequest(@jakarta.validation.constraints.Size(max = 2000) String comment) {
    }

    @GetMapping("/sections/{key}/translations/{lang}/source-diff")
    @Operation(summary = "The source text the translation is based on, the text now, and a line diff")
    public SourceDiffResponse sourceDiff(@PathVariable String key, @PathVariable String lang) {
        return SourceDiffResponse.from(guides.guide().sourceDiff(key, lang));
    }

    @GetMapping("/translators")
    @Operation(summary = "Per target language, the ids of the people assigned to translate into it")
    public java.util.Map<String, java.util.List<String>> translators() {
        Guide guide = guides.guide();
        java.util.Map<String, java.util.List<String>> all = new java.util.TreeMap<>();
        guide.targetLanguages().forEach(l -> all.put(l, guide.translatorsOf(l)));
        return all;
    }

    @PutMapping("/translators/{lang}/{personId}")
    @Operation(summary = "Assign a person to translate into a language (coordinators)")
    public java.util.List<String> assignTranslator(@PathVariable String lang, @PathVariable String personId) {
        return guides.assignTranslator(lang, personId, Caller.current()).translatorsOf(lang);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/translators/{lang}/{personId}")
    @Operation(summary = "Take a person off a language (coordinators)")
    public java.util.List<String> unassignTranslator(@PathVariable String lang, @PathVariable String personId) {
        return guides.unassignTranslator(lang, personId, Caller.current()).translatorsOf(lang);
    }

    @GetMapping("/languages")
    @Operation(summary = "Per language: sections approved of total, stale sections, complete or not")
    public LanguagesResponse languages() {
        return new LanguagesResponse(guides.guide().progress().stream().map(GuideResponse.LanguageView::from).toList());
    }

    public record LanguagesResponse(java.util.List<GuideResponse.LanguageView> languages) {
    }

    @PostMapping("/editions/{lang}")
    @Operation(summary = "Publish the next edition in a language; 409 naming the sections not approved or stale")
    @ApiResponse(responseCode = "201", description = "Published (Location: the edition)", useReturnTypeSchema = true)
    public ResponseEntity<EditionResponse> publish(@PathVariable String lang) {
        Edition edition = guides.publish(lang, Caller.current());
        return ResponseEntity.created(URI.create("/api/strategy/guide/editions/" + lang + "/" + edition.number()))
                .body(EditionResponse.from(edition));
    }

    @GetMapping("/editions/{lang}/{number}")
    @Operation(summary = "A published edition (no sign-in needed): JSON, or a download chosen by ?format=html|md|pdf|docx "
            + "or by Accept (text/html, text/markdown, application/pdf, the DOCX type); 400 for another format")
    @ApiResponse(responseCode = "200", description = "The edition: JSON, or the chosen download", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = EditionResponse.class)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string")),
            @Content(mediaType = "text/html", schema = @Schema(type = "string")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    schema = @Schema(type = "string", format = "binary")) })
    public ResponseEntity<?> edition(@PathVariable String lang, @PathVariable int number,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Edition edition = guides.edition(lang, number);
        if (wantsJson(format, accept)) {
            return ResponseEntity.ok(EditionResponse.from(edition));
        }
        DocumentFormat chosen;
        try {
            chosen = DocumentFormat.negotiate(format, accept, DocumentFormat.HTML).orElse(null);
        } catch (UnsupportedFormatException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        if (chosen == null) {
            return ResponseEntity.ok(EditionResponse.from(edition));
        }
        return download(EditionRenderer.render(edition, chosen), chosen, EditionRenderer.fileName(edition, chosen));
    }

    /** JSON when asked by name, or when no format is named and Accept is missing, a wildcard or asks for JSON. */
    private static boolean wantsJson(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return format.strip().equalsIgnoreCase("json");
        }
        return accept == null || accept.isBlank() || accept.strip().equals("*/*") || accept.contains("json");
    }

    private static ResponseEntity<byte[]> download(byte[] body, DocumentFormat format, String filename) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    private static GuideResponse.SectionView section(Guide guide, String key) {
        return GuideResponse.section(guide, guide.sections().stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow());
    }
}
