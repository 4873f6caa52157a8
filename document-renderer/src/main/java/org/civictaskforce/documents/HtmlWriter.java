package org.civictaskforce.documents;

import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A standalone, well-formed (XHTML-compatible) UTF-8 page: every heading and metadata line is
 * escaped, bodies go through CommonMark with raw HTML escaped and unsafe link addresses
 * ({@code javascript:} …) removed. The same page is what the PDF writer lays out.
 */
final class HtmlWriter {

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("\n")
            .build();

    static final String STYLE = """
            @page { size: A4; margin: 20mm 18mm 22mm 18mm;
              @bottom-center { content: counter(page) " / " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; color: #555; } }
            section { display: block; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; max-width: 48em; margin: 0 auto; }
            h1 { font-size: 19pt; margin: 0 0 4pt 0; }
            h2 { font-size: 15pt; margin: 16pt 0 6pt 0; }
            h3 { font-size: 13pt; margin: 12pt 0 4pt 0; }
            h4, h5, h6 { font-size: 11pt; margin: 10pt 0 4pt 0; }
            .subtitle { font-size: 12pt; font-style: italic; margin: 0 0 6pt 0; }
            .metadata { color: #444; font-size: 9pt; margin: 0 0 14pt 0; }
            blockquote { margin: 6pt 0 6pt 12pt; padding-left: 8pt; border-left: 2pt solid #bbb; color: #333; }
            code, pre { font-family: 'DejaVu Sans', monospace; font-size: 9pt; }
            pre { white-space: pre-wrap; background: #f4f4f4; padding: 4pt; }
            a { color: #0b4f8a; word-wrap: break-word; }
            table { border-collapse: collapse; }
            td, th { border: 1px solid #999; padding: 2pt 4pt; }
            """;

    private HtmlWriter() {
    }

    static String write(Document document) {
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(Text.escapeHtml(document.language())).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>").append(Text.escapeHtml(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(Text.escapeHtml(document.title())).append("</h1>\n");
        if (document.subtitle() != null) {
            out.append("<p class=\"subtitle\">").append(Text.escapeHtml(document.subtitle())).append("</p>\n");
        }
        if (!document.metadata().isEmpty()) {
            out.append("<p class=\"metadata\">");
            for (int i = 0; i < document.metadata().size(); i++) {
                if (i > 0) {
                    out.append("<br />");
                }
                out.append(Text.escapeHtml(document.metadata().get(i)));
            }
            out.append("</p>\n");
        }
        for (Document.Section section : document.sections()) {
            int h = section.level() + 1;
            out.append("<section>\n<h").append(h).append('>').append(Text.escapeHtml(section.heading()))
                    .append("</h").append(h).append(">\n");
            RENDERER.render(MarkdownBodies.parse(section.markdownBody(), section.level()), out);
            out.append("</section>\n");
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }
}
