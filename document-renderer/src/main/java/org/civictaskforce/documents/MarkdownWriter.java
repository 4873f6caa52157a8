package org.civictaskforce.documents;

/** Markdown: the title as {@code #}, metadata as lines, each section's heading one level deeper, bodies as written. */
final class MarkdownWriter {

    private MarkdownWriter() {
    }

    static String write(Document document) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# ").append(Text.escapeMarkdownInline(document.title())).append("\n\n");
        if (document.subtitle() != null) {
            out.append('*').append(Text.escapeMarkdownInline(document.subtitle())).append("*\n\n");
        }
        if (!document.metadata().isEmpty()) {
            for (int i = 0; i < document.metadata().size(); i++) {
                out.append(Text.escapeMarkdownInline(document.metadata().get(i)));
                out.append(i + 1 < document.metadata().size() ? "\\\n" : "\n\n");
            }
        }
        for (Document.Section section : document.sections()) {
            out.append("#".repeat(section.level() + 1)).append(' ')
                    .append(Text.escapeMarkdownInline(section.heading())).append("\n\n");
            String body = section.markdownBody().strip();
            if (!body.isEmpty()) {
                out.append(body).append("\n\n");
            }
        }
        return out.toString();
    }
}
