package org.civictaskforce.strategy.application;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.civictaskforce.documents.Document;
import org.civictaskforce.documents.DocumentFormat;
import org.civictaskforce.documents.DocumentRenderer;
import org.civictaskforce.strategy.domain.guide.Edition;

/**
 * A published edition as a document of the shared renderer (document-renderer, also used by
 * research-service's analytical note): Markdown, HTML, PDF or DOCX, in the edition's language, with
 * DejaVu Sans embedded in the PDF and named on every DOCX run (Cyrillic with the Kazakh, Kyrgyz and Tajik
 * letters, Turkmen and Uzbek Latin). Section bodies are Markdown; raw HTML in them is shown as text.
 */
public final class EditionRenderer {
    private static final DocumentRenderer RENDERER = new DocumentRenderer();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private EditionRenderer() {
    }

    public static Document document(Edition edition) {
        List<Document.Section> sections = edition.sections().stream()
                .map(s -> new Document.Section(1, s.title(), s.body()))
                .toList();
        return new Document(edition.guideId(), edition.language(), null,
                List.of(edition.language() + " · " + edition.number() + " · " + DATE.format(edition.publishedAt())),
                sections);
    }

    public static byte[] render(Edition edition, DocumentFormat format) {
        return RENDERER.render(document(edition), format);
    }

    /** {@code guide-<lang>-<number>.<ext>}. */
    public static String fileName(Edition edition, DocumentFormat format) {
        return format.fileName("guide-" + edition.language() + "-" + edition.number());
    }

    public static String markdown(Edition edition) {
        return RENDERER.markdown(document(edition));
    }

    public static String html(Edition edition) {
        return RENDERER.html(document(edition));
    }
}
