package org.civictaskforce.documents;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentFormatTest {

    @Test
    void theParameterWinsOverAccept() {
        assertThat(DocumentFormat.negotiate("PDF", "text/html", DocumentFormat.HTML)).contains(DocumentFormat.PDF);
        assertThat(DocumentFormat.negotiate("md", null, DocumentFormat.HTML)).contains(DocumentFormat.MARKDOWN);
        assertThat(DocumentFormat.negotiate("docx", null, DocumentFormat.HTML)).contains(DocumentFormat.DOCX);
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertThatThrownBy(() -> DocumentFormat.negotiate("exe", null, DocumentFormat.HTML))
                .isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("'exe'");
    }

    @Test
    void acceptIsReadByQuality() {
        assertThat(DocumentFormat.negotiate(null, "text/html;q=0.5, application/pdf", DocumentFormat.MARKDOWN))
                .contains(DocumentFormat.PDF);
        assertThat(DocumentFormat.negotiate(null,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentFormat.HTML))
                .contains(DocumentFormat.DOCX);
        assertThat(DocumentFormat.negotiate(null, "text/markdown", DocumentFormat.HTML)).contains(DocumentFormat.MARKDOWN);
        assertThat(DocumentFormat.negotiate(null, "text/html,application/xhtml+xml,*/*;q=0.8", DocumentFormat.MARKDOWN))
                .contains(DocumentFormat.HTML);
        assertThat(DocumentFormat.negotiate(null, "*/*", DocumentFormat.MARKDOWN)).contains(DocumentFormat.MARKDOWN);
        assertThat(DocumentFormat.negotiate(null, null, DocumentFormat.HTML)).contains(DocumentFormat.HTML);
        assertThat(DocumentFormat.negotiate(null, "image/png", DocumentFormat.HTML)).isEqualTo(Optional.empty());
        assertThat(DocumentFormat.negotiate(null, "application/pdf;q=0", DocumentFormat.HTML)).isEqualTo(Optional.empty());
    }

    @Test
    void fileNamesAreSafe() {
        assertThat(DocumentFormat.PDF.fileName("analytical-note-v3")).isEqualTo("analytical-note-v3.pdf");
        assertThat(DocumentFormat.DOCX.fileName("guide-kk/../x\"y")).isEqualTo("guide-kk-..-x-y.docx");
        assertThat(DocumentFormat.MARKDOWN.fileName("Қазақ")).isEqualTo("document.md");
    }
}
