package org.civictaskforce.documents;

/** A {@code format} that the renderer does not write (callers answer 400). */
public class UnsupportedFormatException extends IllegalArgumentException {

    private final String requested;

    public UnsupportedFormatException(String requested) {
        super("unsupported document format '" + abbreviate(requested) + "'; use md, html, pdf or docx");
        this.requested = requested;
    }

    public String requested() {
        return requested;
    }

    private static String abbreviate(String value) {
        String v = value == null ? "" : value.replaceAll("[^A-Za-z0-9._+-]", "?");
        return v.length() > 20 ? v.substring(0, 20) + "…" : v;
    }
}
