package org.civictaskforce.strategy.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

import org.civictaskforce.documents.DocumentFormat;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the public guide pages: plain markup, one external stylesheet, one small deferred script that only
 * adds the offline copy (nothing needs it to read or download), no inline script or style (the gateway's CSP), no
 * fonts, no images. Only published editions' numbers, dates and sizes are shown: nothing about a person.
 */
final class PublicGuidePage {
    /** The order the files are offered in: the most asked for first. */
    static final List<DocumentFormat> FORMATS = List.of(DocumentFormat.PDF, DocumentFormat.DOCX, DocumentFormat.HTML,
            DocumentFormat.MARKDOWN);

    record EditionView(int number, Instant publishedAt, Map<DocumentFormat, Integer> sizes) {
    }

    private PublicGuidePage() {
    }

    /** {@code /guide/<lang>/<number>.<ext>}: under the page's own path, so the service worker's scope holds it. */
    static String fileHref(String language, int number, DocumentFormat format) {
        return "/guide/" + language + "/" + number + "." + format.extension();
    }

    static String languagePage(PublicGuideTexts t, List<EditionView> editions, PublicGuideAssets assets) {
        StringBuilder html = head(t, t.get("page.title"), assets);
        html.append("<header>");
        languages(html, t, t.language());
        html.append("</header>\n<main>\n<h1>").append(esc(t.get("page.title"))).append("</h1>\n");
        html.append("<p id=\"saved-copy\" class=\"saved\" hidden>").append(esc(t.get("page.savedCopy"))).append("</p>\n");
        html.append("<p>").append(esc(t.get("page.intro"))).append("</p>\n");
        html.append("<p>").append(esc(t.get("page.free"))).append("</p>\n");
        html.append("<p id=\"offline-ready\" class=\"note\" hidden>").append(esc(t.get("page.offlineReady")))
                .append("</p>\n");
        html.append("<h2 id=\"editions-title\">").append(esc(t.get("page.editions"))).append("</h2>\n");
        if (editions.isEmpty()) {
            html.append("<p id=\"no-editions\">").append(esc(t.get("page.none"))).append("</p>\n");
        } else {
            DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(t.locale())
                    .withZone(ZoneOffset.UTC);
            html.append("<ul id=\"editions\" class=\"editions\" aria-labelledby=\"editions-title\">\n");
            for (EditionView edition : editions) {
                String heading = "edition-" + edition.number();
                html.append("<li><h3 id=\"").append(heading).append("\">")
                        .append(esc(t.get("page.edition", Integer.toString(edition.number())))).append("</h3>\n<p>")
                        .append(esc(t.get("page.published", "\u0000"))
                                .replace("\u0000", "<time datetime=\"" + DateTimeFormatter.ISO_LOCAL_DATE
                                        .withZone(ZoneOffset.UTC).format(edition.publishedAt()) + "\">"
                                        + esc(date.format(edition.publishedAt())) + "</time>"))
                        .append("</p>\n<ul class=\"files\" aria-labelledby=\"").append(heading).append("\">");
                for (DocumentFormat format : FORMATS) {
                    String href = fileHref(t.language(), edition.number(), format);
                    html.append("<li><a href=\"").append(href).append("\" type=\"").append(format.mediaType())
                            .append("\" download=\"guide-").append(t.language()).append('-').append(edition.number())
                            .append('.').append(format.extension()).append("\">")
                            .append(label(format)).append(", ")
                            .append(esc(size(t, edition.sizes().getOrDefault(format, 0)))).append("</a></li>");
                }
                html.append("</ul></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</main>\n");
        return foot(html);
    }

    /**
     * {@code /guide}: the seven languages, the browser's own first when it asks for one of them; with
     * {@code unknown} set, the answer to a language the guide is not published in.
     */
    static String chooser(PublicGuideTexts t, boolean suggested, boolean unknown, PublicGuideAssets assets) {
        String title = t.get(unknown ? "notFound.title" : "chooser.title");
        StringBuilder html = head(t, title, assets);
        html.append("<main>\n<h1>").append(esc(title)).append("</h1>\n");
        if (unknown) {
            html.append("<p>").append(esc(t.get("notFound.text"))).append("</p>\n");
        } else if (suggested) {
            html.append("<p class=\"suggested\">").append(esc(t.get("chooser.suggested"))).append(" ").append(link(t.language(), null))
                    .append("</p>\n");
        }
        html.append("<h2 id=\"languages-title\">").append(esc(t.get("chooser.all"))).append("</h2>\n");
        html.append("<ul id=\"languages\" class=\"choices\" aria-labelledby=\"languages-title\">");
        for (String language : PublicGuideTexts.LANGUAGES) {
            html.append("<li>").append(link(language, null)).append("</li>");
        }
        html.append("</ul>\n</main>\n");
        return foot(html);
    }

    private static StringBuilder head(PublicGuideTexts t, String title, PublicGuideAssets assets) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html>\n<html lang=\"").append(t.language()).append("\" dir=\"ltr\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(assets.stylesheetHref()).append("\">\n")
                .append("<script src=\"").append(assets.scriptHref()).append("\" defer></script>\n");
        for (String language : PublicGuideTexts.LANGUAGES) {
            html.append("<link rel=\"alternate\" hreflang=\"").append(language).append("\" href=\"/guide/")
                    .append(language).append("\">\n");
        }
        html.append("<link rel=\"alternate\" hreflang=\"x-default\" href=\"/guide/\">\n</head>\n<body>\n");
        return html;
    }

    private static String foot(StringBuilder html) {
        return html.append("<footer><p class=\"note\">Civic Taskforce</p></footer>\n</body>\n</html>\n").toString();
    }

    /** The other languages, each named in itself (with its lang), the page's own marked as the current one. */
    private static void languages(StringBuilder html, PublicGuideTexts t, String current) {
        html.append("<nav aria-label=\"").append(esc(t.get("page.languages"))).append("\"><ul class=\"langs\">");
        for (String language : PublicGuideTexts.LANGUAGES) {
            html.append("<li>").append(link(language, language.equals(current) ? "page" : null)).append("</li>");
        }
        html.append("</ul></nav>");
    }

    private static String link(String language, String current) {
        return "<a href=\"/guide/" + language + "\" lang=\"" + language + "\" hreflang=\"" + language + "\""
                + (current == null ? "" : " aria-current=\"" + current + "\"") + ">"
                + esc(PublicGuideTexts.NAMES.get(language)) + "</a>";
    }

    private static String label(DocumentFormat format) {
        return switch (format) {
            case MARKDOWN -> "Markdown";
            default -> format.extension().toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** "12 KB" (rounded up: never less than what will come), "1,4 MB" in the page's language. */
    static String size(PublicGuideTexts t, int bytes) {
        if (bytes < 1024 * 1024) {
            return t.get("page.kb", Integer.toString(Math.max(1, (bytes + 1023) / 1024)));
        }
        NumberFormat number = NumberFormat.getNumberInstance(t.locale());
        number.setMaximumFractionDigits(1);
        number.setMinimumFractionDigits(1);
        return t.get("page.mb", number.format(bytes / (1024.0 * 1024.0)));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
