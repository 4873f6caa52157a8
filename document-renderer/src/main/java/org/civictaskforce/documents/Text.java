package org.civictaskforce.documents;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Text helpers shared by the writers. */
final class Text {

    private Text() {
    }

    /** Drops what XML 1.0 cannot carry and normalises line breaks to {@code \n}. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                }
            } else if (Character.isLowSurrogate(c)) {
                // a lone low surrogate: dropped
            } else if (c == '\t' || c == '\n' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A well-formed BCP 47 tag; {@code und} when missing or malformed. */
    static String languageTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return "und";
        }
        try {
            return new Locale.Builder().setLanguageTag(tag.strip()).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            return "und";
        }
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes what would make a line Markdown syntax when it is meant as plain text (headings, metadata). */
    static String escapeMarkdownInline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(' ');
                continue;
            }
            if ("\\`*_[]<>#|!~&".indexOf(c) >= 0 || (i == 0 && (c == '-' || c == '+' || c == '='))) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
