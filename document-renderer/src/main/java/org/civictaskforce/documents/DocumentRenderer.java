package org.civictaskforce.documents;

/**
 * Renders a {@link Document} to Markdown, standalone HTML, PDF or DOCX. Stateless and thread-safe;
 * one instance serves a whole service. PDF and DOCX are built in memory (a 50-section document is a
 * few hundred kilobytes; see {@code RenderBenchmark}).
 */
public class DocumentRenderer {

    public String markdown(Document document) {
        return MarkdownWriter.write(document);
    }

    public String html(Document document) {
        return HtmlWriter.write(document);
    }

    public byte[] pdf(Document document) {
        return PdfWriter.write(document);
    }

    public byte[] docx(Document document) {
        return DocxWriter.write(document);
    }

    /** The document in {@code format}, as bytes (UTF-8 for the text formats). */
    public byte[] render(Document document, DocumentFormat format) {
        return switch (format) {
            case MARKDOWN -> markdown(document).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case HTML -> html(document).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PDF -> pdf(document);
            case DOCX -> docx(document);
        };
    }
}
