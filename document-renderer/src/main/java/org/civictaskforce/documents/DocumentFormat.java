package org.civictaskforce.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats the renderer writes, with their media types and file name extensions. */
public enum DocumentFormat {
    MARKDOWN("md", "text/markdown", "text/markdown;charset=UTF-8"),
    HTML("html", "text/html", "text/html;charset=UTF-8"),
    PDF("pdf", "application/pdf", "application/pdf"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String extension;
    private final String mediaType;
    private final String contentType;

    DocumentFormat(String extension, String mediaType, String contentType) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.contentType = contentType;
    }

    /** {@code md}, {@code html}, {@code pdf}, {@code docx}. */
    public String extension() {
        return extension;
    }

    /** The bare media type, e.g. {@code application/pdf}. */
    public String mediaType() {
        return mediaType;
    }

    /** The media type with its charset where it is text, for a {@code Content-Type} header. */
    public String contentType() {
        return contentType;
    }

    /** {@code base.ext}, with the base reduced to letters, digits, {@code -}, {@code _} and {@code .}. */
    public String fileName(String base) {
        String safe = base == null ? "" : base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+|-+$", "");
        return (safe.isEmpty() ? "document" : safe) + "." + extension;
    }

    /**
     * The format named by a {@code ?format=} parameter: {@code md}/{@code markdown}, {@code html},
     * {@code pdf}, {@code docx} (case-insensitive), or empty for anything else.
     */
    public static Optional<DocumentFormat> fromParameter(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "html", "htm" -> Optional.of(HTML);
            case "pdf" -> Optional.of(PDF);
            case "docx" -> Optional.of(DOCX);
            default -> Optional.empty();
        };
    }

    /**
     * Chooses the format: the {@code format} parameter if given (an unknown one throws
     * {@link UnsupportedFormatException}), else the first format the {@code Accept} header asks for
     * by quality ({@code text/plain} counts as Markdown, {@code application/xhtml+xml} as HTML),
     * else {@code fallback} when the header is missing, has a wildcard, or names nothing this
     * renderer writes. Returns empty only when the header accepts none of the formats and no
     * wildcard (the caller answers 406).
     */
    public static Optional<DocumentFormat> negotiate(String formatParameter, String acceptHeader, DocumentFormat fallback) {
        if (formatParameter != null && !formatParameter.isBlank()) {
            return Optional.of(fromParameter(formatParameter).orElseThrow(() -> new UnsupportedFormatException(formatParameter)));
        }
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return Optional.of(fallback);
        }
        record Range(String type, double quality, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = acceptHeader.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1.0;
            for (int p = 1; p < pieces.length; p++) {
                String param = pieces[p].strip();
                if (param.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (!type.isEmpty() && quality > 0) {
                ranges.add(new Range(type, quality, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::quality).reversed().thenComparingInt(Range::order));
        for (Range range : ranges) {
            switch (range.type()) {
                case "*/*" -> {
                    return Optional.of(fallback);
                }
                case "text/*" -> {
                    return Optional.of(fallback == MARKDOWN || fallback == HTML ? fallback : HTML);
                }
                case "application/*" -> {
                    return Optional.of(fallback == PDF || fallback == DOCX ? fallback : PDF);
                }
                case "text/markdown", "text/x-markdown", "text/plain" -> {
                    return Optional.of(MARKDOWN);
                }
                case "text/html", "application/xhtml+xml" -> {
                    return Optional.of(HTML);
                }
                case "application/pdf" -> {
                    return Optional.of(PDF);
                }
                default -> {
                    if (range.type().equals(DOCX.mediaType)) {
                        return Optional.of(DOCX);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
