package org.civictaskforce.identity.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The few plain pages this service shows: no scripts, no external resources, everything escaped. */
final class Html {
    private Html() {
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – Civic Taskforce</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#222}
                label{display:block;margin:.8rem 0 .2rem}input{width:100%%;padding:.5rem;box-sizing:border-box}
                button{margin-top:1.2rem;padding:.6rem 1.2rem}.message{padding:.6rem;background:#fdecea;border-radius:4px}
                .note{padding:.6rem;background:#eef5ee;border-radius:4px}small{color:#555}
                </style></head><body>
                <h1>%s</h1>
                %s
                </body></html>
                """.formatted(escape(title), escape(title), body);
    }

    static String csrf(CsrfToken token) {
        return token == null ? ""
                : "<input type=\"hidden\" name=\"" + escape(token.getParameterName()) + "\" value=\""
                        + escape(token.getToken()) + "\">";
    }

    static String message(String text, boolean error) {
        return text == null ? "" : "<p class=\"" + (error ? "message" : "note") + "\" role=\"" + (error ? "alert" : "status")
                + "\">" + escape(text) + "</p>";
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
