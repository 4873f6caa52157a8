package org.civictaskforce.documents;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentFontsTest {

    @ParameterizedTest
    @EnumSource(DocumentFonts.Face.class)
    void everyFaceHasAGlyphForEveryCentralAsianLetterAndSampleCharacter(DocumentFonts.Face face) throws Exception {
        StringBuilder wanted = new StringBuilder(DocumentFonts.CENTRAL_ASIAN_LETTERS);
        Samples.BY_LANGUAGE.values().forEach(wanted::append);
        try (InputStream in = face.open(); TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            List<String> missing = new ArrayList<>();
            wanted.codePoints().distinct().filter(cp -> cp != ' ').forEach(cp -> {
                if (cmap.getGlyphId(cp) == 0) {
                    missing.add(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp).toUpperCase());
                }
            });
            assertThat(missing).as("characters without a glyph in " + face).isEmpty();
            assertThat(font.getName()).startsWith("DejaVuSans");
        }
    }

    @org.junit.jupiter.api.Test
    void theLicenceTravelsWithTheFont() throws Exception {
        try (InputStream licence = DocumentFonts.class.getResourceAsStream("fonts/LICENSE-DejaVu.txt")) {
            assertThat(licence).isNotNull();
            assertThat(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("Bitstream Vera");
        }
    }
}
