package org.civictaskforce.documents;

import java.util.List;
import java.util.Objects;

/**
 * What the renderer renders: a title, the document's language (a BCP 47 tag such as {@code kk},
 * {@code uz-Latn} or {@code ru}), an optional subtitle, metadata lines shown under the title
 * (edition number, publication date, counts …) and sections, each a heading with a level and a
 * Markdown body.
 *
 * <p>Every text is user input: the renderer escapes it in every format and never passes raw HTML
 * through. Characters that XML 1.0 cannot carry (control characters other than tab and line
 * breaks, lone surrogates, U+FFFE/U+FFFF) are dropped here, so every format gets the same text.
 */
public record Document(String title, String language, String subtitle, List<String> metadata, List<Section> sections) {

    public Document {
        title = Text.clean(Objects.requireNonNull(title, "title"));
        language = Text.languageTag(language);
        subtitle = subtitle == null || subtitle.isBlank() ? null : Text.clean(subtitle);
        metadata = metadata == null ? List.of() : metadata.stream().map(Text::clean).toList();
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static Document of(String title, String language, List<Section> sections) {
        return new Document(title, language, null, List.of(), sections);
    }

    /**
     * One section: {@code level} 1 is a top-level section (the title above all sections is level 0),
     * 2–5 are subsections. The body is CommonMark; raw HTML in it is shown as text.
     */
    public record Section(int level, String heading, String markdownBody) {

        public static final int MAX_LEVEL = 5;

        public Section {
            if (level < 1 || level > MAX_LEVEL) {
                throw new IllegalArgumentException("section level must be 1.." + MAX_LEVEL + ", was " + level);
            }
            heading = Text.clean(Objects.requireNonNull(heading, "heading"));
            markdownBody = markdownBody == null ? "" : Text.clean(markdownBody);
        }

        public static Section of(String heading, String markdownBody) {
            return new Section(1, heading, markdownBody);
        }
    }
}
