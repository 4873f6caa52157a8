package org.civictaskforce.identity.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The few plain pages this service shows: no scripts (the CSP allows none), no external resources, everything
 * escaped; in the person's language, with a switcher to the six others. Touch targets are at least 44 px and the
 * pages fit a 360 px screen.
 */
final class Html {
    /** The id of a page's message, which the fields it concerns point to with {@code aria-describedby}. */
    static final String MESSAGE_ID = "message";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:26rem;margin:1rem auto 3rem;"
            + "padding:0 1rem;color:#222;line-height:1.4}"
            + "label{display:block;margin:.8rem 0 .2rem}"
            + "input{width:100%;min-height:44px;padding:.5rem;box-sizing:border-box;font:inherit}"
            + "button{margin-top:1.2rem;min-height:44px;min-width:44px;padding:.6rem 1.2rem;font:inherit}"
            + ".message{padding:.6rem;background:#fdecea;border-radius:4px}"
            + ".note{padding:.6rem;background:#eef5ee;border-radius:4px}small{color:#555}"
            + "nav ul{display:flex;flex-wrap:wrap;gap:0 .25rem;list-style:none;margin:0 0 1rem;padding:0}"
            + "nav a{display:inline-flex;align-items:center;min-height:44px;min-width:44px;padding:0 .4rem}"
            + "nav a[aria-current]{color:#222;font-weight:bold;text-decoration:none}";

    private Html() {
    }

    /**
     * A whole page: {@code <html lang>} is the language shown; the switcher's links keep {@code keep} (names to
     * values, null for a bare flag such as {@code error}) and set {@code lang}. Never pass a password or secret
     * in {@code keep}: it ends up in a URL.
     */
    static String page(PageTexts texts, String title, Map<String, String> keep, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + escape(texts.language()) + "\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " – Civic Taskforce</title>\n"
                + "<style>" + STYLE + "</style></head><body>\n"
                + switcher(texts, keep)
                + "<main>\n<h1>" + escape(title) + "</h1>\n"
                + body
                + "</main>\n</body></html>\n";
    }

    /** Links to the page in each language, each named in itself and marked with its language. */
    static String switcher(PageTexts texts, Map<String, String> keep) {
        StringBuilder query = new StringBuilder();
        keep.forEach((name, value) -> {
            query.append(encode(name));
            if (value != null) {
                query.append('=').append(encode(value));
            }
            query.append('&');
        });
        StringBuilder nav = new StringBuilder("<nav aria-label=\"").append(escape(texts.text("page.languages")))
                .append("\"><ul>\n");
        PageLanguage.NAMES.forEach((language, name) -> {
            nav.append("<li><a href=\"?").append(escape(query + PageLanguage.PARAM + "=" + language))
                    .append("\" lang=\"").append(language).append("\" hreflang=\"").append(language).append('"');
            if (language.equals(texts.language())) {
                nav.append(" aria-current=\"true\"");
            }
            nav.append('>').append(escape(name)).append("</a></li>\n");
        });
        return nav.append("</ul></nav>\n").toString();
    }

    /** The hidden field that keeps the language across the form's post (and the redirect after a failed sign-in). */
    static String languageField(PageTexts texts) {
        return "<input type=\"hidden\" name=\"" + PageLanguage.PARAM + "\" value=\"" + escape(texts.language()) + "\">";
    }

    static String csrf(CsrfToken token) {
        return token == null ? ""
                : "<input type=\"hidden\" name=\"" + escape(token.getParameterName()) + "\" value=\""
                        + escape(token.getToken()) + "\">";
    }

    static String message(String text, boolean error) {
        return text == null ? "" : "<p id=\"" + MESSAGE_ID + "\" class=\"" + (error ? "message" : "note") + "\" role=\""
                + (error ? "alert" : "status") + "\">" + escape(text) + "</p>\n";
    }

    /** {@code aria-describedby} pointing to the page's message, when there is one. */
    static String describedBy(boolean message) {
        return message ? " aria-describedby=\"" + MESSAGE_ID + "\"" : "";
    }

    static ResponseEntity<String> response(HttpStatus status, PageTexts texts, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, texts.language())
                // the same URL answers in another language for another cookie or Accept-Language
                .header(HttpHeaders.VARY, "Accept-Language, Cookie")
                .body(html);
    }

    static String escape(String text) {
        // only the markup characters: the pages are UTF-8, so Cyrillic and ü stay readable in the source
        return HtmlUtils.htmlEscape(text == null ? "" : text, StandardCharsets.UTF_8.name());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
