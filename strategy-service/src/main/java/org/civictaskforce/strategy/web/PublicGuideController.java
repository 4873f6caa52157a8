package org.civictaskforce.strategy.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.civictaskforce.documents.DocumentFormat;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.strategy.application.EditionFiles;
import org.civictaskforce.strategy.application.GuideService;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.strategy.domain.guide.EditionHeading;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The public guide pages, for the people the guide is written for: no sign-in, one small server-rendered page per
 * language listing the published editions with their downloads ({@code /guide/<lang>/<number>.<ext>}), readable
 * without JavaScript. Cacheable: a page carries a validator (ETag of its bytes, Last-Modified of its newest edition)
 * and may be shown from a cache for 5 minutes and, while it is being revalidated, for a day; edition files never
 * change. {@code /guide/sw.js} keeps pages and downloaded files readable offline. Not part of the JSON API.
 */
@Hidden
@RestController
@RequestMapping("/guide")
public class PublicGuideController {
    /**
     * Stricter than the gateway's (which keeps a service's own): nothing but this origin's stylesheet, script and
     * service worker; no framing, no forms, no base.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; worker-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    /**
     * A new edition shows within 5 minutes; on a slow connection a page kept for up to a day opens at once while
     * the browser fetches the new one in the background. public: the page is the same for everyone and holds
     * nothing about anyone, so a shared cache may keep it too.
     */
    static final CacheControl PAGE_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()
            .staleWhileRevalidate(Duration.ofDays(1));
    /** An edition is immutable once published (a new text is a new number). */
    static final CacheControl FILE_CACHE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");

    private final GuideService guides;
    private final EditionFiles files;
    private final PublicGuideAssets assets;
    /** A changed page text or stylesheet ships with a restart: pages are not older than it. */
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public PublicGuideController(GuideService guides, EditionFiles files, PublicGuideAssets assets) {
        this.guides = guides;
        this.files = files;
        this.assets = assets;
    }

    /** The languages, the browser's own (Accept-Language) first and in its words. */
    @GetMapping({ "", "/" })
    public ResponseEntity<String> chooser(
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Optional<String> suggested = PublicGuideTexts.fromAcceptLanguage(acceptLanguage);
        String html = PublicGuidePage.chooser(PublicGuideTexts.of(suggested.orElse(PublicGuideTexts.DEFAULT)),
                suggested.isPresent(), false, assets);
        return page(HttpStatus.OK, html, started, suggested.orElse(PublicGuideTexts.DEFAULT))
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE).body(html);
    }

    /** The page of one language; a language the guide is not published in is a 404 page offering the seven. */
    @GetMapping({ "/{lang}", "/{lang}/" })
    public ResponseEntity<String> language(@PathVariable String lang) {
        if (!PublicGuideTexts.supported(lang)) {
            String html = PublicGuidePage.chooser(PublicGuideTexts.of(PublicGuideTexts.DEFAULT), false, true, assets);
            return page(HttpStatus.NOT_FOUND, html, started, PublicGuideTexts.DEFAULT).body(html);
        }
        List<EditionHeading> published = guides.publishedEditions(lang);
        List<PublicGuidePage.EditionView> editions = published.stream()
                .map(e -> new PublicGuidePage.EditionView(e.number(), e.publishedAt(), files.sizes(lang, e.number())))
                .toList();
        String html = PublicGuidePage.languagePage(PublicGuideTexts.of(lang), editions, assets);
        Instant newest = published.stream().map(EditionHeading::publishedAt).max(Instant::compareTo)
                .filter(started::isBefore).orElse(started);
        return page(HttpStatus.OK, html, newest, lang).body(html);
    }

    /** An edition's file: {@code 3.pdf}, {@code 3.docx}, {@code 3.html}, {@code 3.md}; 404 for anything else. */
    @GetMapping("/{lang}/{number:[0-9]+}.{ext:[a-z]+}")
    public ResponseEntity<byte[]> file(@PathVariable String lang, @PathVariable int number, @PathVariable String ext) {
        DocumentFormat format = Arrays.stream(DocumentFormat.values()).filter(f -> f.extension().equals(ext))
                .findFirst().filter(f -> PublicGuideTexts.supported(lang))
                .orElseThrow(() -> new NotFoundException("Edition file", lang + "/" + number + "." + ext));
        Edition edition = guides.publishedEdition(lang, number);
        byte[] body = files.render(edition, format);
        Instant published = edition.publishedAt();
        String name = "guide-" + lang + "-" + number + "." + format.extension();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .cacheControl(FILE_CACHE).eTag("W/\"" + name + "\"").lastModified(published)
                .body(body);
    }

    @GetMapping("/guide.css")
    public ResponseEntity<byte[]> stylesheet(@RequestParam(name = "v", required = false) String version) {
        return asset(assets.stylesheet(), CSS, version);
    }

    @GetMapping("/guide.js")
    public ResponseEntity<byte[]> script(@RequestParam(name = "v", required = false) String version) {
        return asset(assets.script(), JAVASCRIPT, version);
    }

    /** The service worker: always revalidated, so that a changed one takes over on the next visit. */
    @GetMapping("/sw.js")
    public ResponseEntity<byte[]> serviceWorker() {
        PublicGuideAssets.Asset worker = assets.serviceWorker();
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .eTag("W/\"" + worker.version() + "\"").body(worker.content());
    }

    private static ResponseEntity<byte[]> asset(PublicGuideAssets.Asset asset, MediaType type, String version) {
        CacheControl cache = asset.version().equals(version) ? FILE_CACHE : CacheControl.noCache();
        // weak: a strong validator keeps Tomcat from gzipping the answer
        return ResponseEntity.ok().contentType(type).cacheControl(cache).eTag("W/\"" + asset.version() + "\"")
                .body(asset.content());
    }

    /** ETag of the page's bytes (texts, editions and sizes all in it): weak, as compression may change the bytes. */
    private static ResponseEntity.BodyBuilder page(HttpStatus status, String html, Instant lastModified,
            String language) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .cacheControl(PAGE_CACHE);
        if (status == HttpStatus.OK) {
            answer.eTag("W/\"" + PublicGuideAssets.hash(html.getBytes(StandardCharsets.UTF_8), 20) + "\"")
                    .lastModified(lastModified);
        }
        return answer;
    }
}
