package org.civictaskforce.documents;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * PDF: the HTML page laid out by openhtmltopdf on PDFBox, with DejaVu Sans embedded (subset) in its
 * three faces. Nothing outside the page is ever loaded: every external resource (images, style
 * sheets, fonts by URL) is refused before its address is even resolved.
 */
final class PdfWriter {

    static {
        OpenHtmlToPdfLogging.install();
    }

    private PdfWriter() {
    }

    static byte[] write(Document document) {
        String html = HtmlWriter.write(document);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (DocumentFonts.Face face : DocumentFonts.faces()) {
                builder.useFont(face::open, DocumentFonts.FAMILY, face.weight(),
                        face.italic() ? FontStyle.ITALIC : FontStyle.NORMAL, true);
            }
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withProducer("Civic Taskforce");
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
        return out.toByteArray();
    }
}
