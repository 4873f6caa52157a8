package org.civictaskforce.documents;

import java.util.regex.Pattern;

/**
 * For callers that compose section bodies out of user input: makes plain text safe to put into a
 * CommonMark body, so that it shows as written (no emphasis, links, lists or headings made by
 * accident). Raw HTML is escaped by the renderer anyway.
 */
public final class MarkdownText {
    private static final Pattern SAFE_URL = Pattern.compile("^(https?://|mailto:)[^\\s<>\"'`]+$", Pattern.CASE_INSENSITIVE);

    private MarkdownText() {
    }

    /** One line of plain text (line breaks become spaces) for use inside a paragraph, list item or heading. */
    public static String inline(String text) {
        return text == null ? "" : escapeLineStart(Text.escapeMarkdownInline(Text.clean(text).strip()));
    }

    /**
     * Plain text of several lines: each line escaped as {@link #inline}, line breaks kept as hard breaks,
     * blank lines kept as paragraph breaks.
     */
    public static String block(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        String[] paragraphs = Text.clean(text).strip().split("\n\\s*\n");
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append("\n\n");
            }
            String[] lines = paragraphs[p].split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("\\\n");
                }
                out.append(escapeLineStart(Text.escapeMarkdownInline(lines[i].strip())));
            }
        }
        return out.toString();
    }

    /** {@code <url>} when the address is http(s) or mailto without spaces or quotes, else the escaped text. */
    public static String link(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String u = url.strip();
        return SAFE_URL.matcher(u).matches() ? "<" + u + ">" : inline(u);
    }

    private static String escapeLineStart(String line) {
        // "1. " or "1) " would start an ordered list
        int digits = 0;
        while (digits < line.length() && digits < 10 && Character.isDigit(line.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < line.length() && (line.charAt(digits) == '.' || line.charAt(digits) == ')')) {
            return line.substring(0, digits) + "\\" + line.substring(digits);
        }
        return line;
    }
}
