package org.civictaskforce.strategy.application;

import org.civictaskforce.strategy.domain.guide.Edition;

/**
 * Renders a published edition as a standalone HTML page (UTF-8, a font stack that covers Cyrillic
 * with the Kazakh, Kyrgyz, Tajik letters and Turkmen/Uzbek Latin) or as Markdown. Section bodies are
 * Markdown: the HTML keeps them as preformatted text (escaped) until the shared renderer with
 * research-service exists (PDF/DOCX come with it).
 */
public final class EditionRenderer {
    /** Fonts with full Cyrillic (incl. ә ғ қ ң ө ұ ү һ і ҳ ҷ ӣ ӯ) and Latin Extended (ň ž ý ş ç ʻ). */
    public static final String FONT_STACK = "\"Noto Sans\", \"PT Sans\", \"DejaVu Sans\", \"Segoe UI\", Roboto, "
            + "\"Helvetica Neue\", Arial, sans-serif";

    private EditionRenderer() {
    }

    public static String markdown(Edition edition) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- guide ").append(edition.guideId()).append(", edition ").append(edition.number()).append(" (")
                .append(edition.language()).append("), published ").append(edition.publishedAt()).append(" -->\n\n");
        for (Edition.EditionSection s : edition.sections()) {
            md.append("## ").append(s.title()).append("\n\n").append(s.body().strip()).append("\n\n");
        }
        return md.toString();
    }

    public static String html(Edition edition) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(edition.language())).append("\">\n<head>\n")
                .append("<meta charset=\"UTF-8\">\n")
                .append("<title>").append(escape(edition.guideId())).append(" — ").append(edition.number())
                .append("</title>\n<style>body { font-family: ").append(FONT_STACK)
                .append("; max-width: 48em; margin: 2em auto; line-height: 1.5 } .body { white-space: pre-wrap; "
                        + "font-family: inherit }</style>\n</head>\n<body>\n");
        html.append("<p class=\"edition\">").append(escape(edition.language())).append(" · ").append(edition.number())
                .append(" · ").append(edition.publishedAt()).append("</p>\n");
        for (Edition.EditionSection s : edition.sections()) {
            html.append("<section id=\"").append(escape(s.key())).append("\">\n<h2>").append(escape(s.title()))
                    .append("</h2>\n<div class=\"body\">").append(escape(s.body().strip())).append("</div>\n</section>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
