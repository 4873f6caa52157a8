package org.civictaskforce.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The font every format uses: DejaVu Sans (Bitstream Vera licence, DejaVu changes in the public
 * domain; {@code fonts/LICENSE-DejaVu.txt} beside the font files), shipped inside this jar so nothing
 * is fetched at run time. It has glyphs for Russian, the Kazakh, Kyrgyz and Tajik Cyrillic letters and
 * Turkmen and Uzbek Latin (including U+02BB, the Uzbek {@code ʻ}); {@code DocumentFontsTest} checks
 * every one of {@link #CENTRAL_ASIAN_LETTERS}.
 */
public final class DocumentFonts {

    /** The family name used in HTML/PDF CSS and as the DOCX run font. */
    public static final String FAMILY = "DejaVu Sans";

    /** The letters the brief names (and their capitals), which the font must show. */
    public static final String CENTRAL_ASIAN_LETTERS =
            "әғқңөұүһіҳҷӣӯ" + "ӘҒҚҢӨҰҮҺІҲҶӢӮ" // Kazakh, Kyrgyz, Tajik Cyrillic
            + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя" // Russian
            + "ňžýşçäüöŇŽÝŞÇÄÜÖ" // Turkmen Latin
            + "ʻʼ" + "oʻgʻOʻGʻ"; // Uzbek Latin: U+02BB (oʻ gʻ) and U+02BC (tutuq belgisi)

    public enum Face {
        REGULAR("DejaVuSans.ttf", 400, false),
        BOLD("DejaVuSans-Bold.ttf", 700, false),
        OBLIQUE("DejaVuSans-Oblique.ttf", 400, true);

        private final String file;
        private final int weight;
        private final boolean italic;

        Face(String file, int weight, boolean italic) {
            this.file = file;
            this.weight = weight;
            this.italic = italic;
        }

        public int weight() {
            return weight;
        }

        public boolean italic() {
            return italic;
        }

        /** The TrueType file as a stream; the caller closes it. */
        public InputStream open() {
            InputStream in = DocumentFonts.class.getResourceAsStream("fonts/" + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("font resource missing: fonts/" + file));
            }
            return in;
        }
    }

    public static List<Face> faces() {
        return List.of(Face.values());
    }

    private DocumentFonts() {
    }
}
