package org.civictaskforce.documents;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Locale;

/**
 * DOCX through Apache POI: a Title style and Heading 1–6 styles (so Word's navigation pane and table of
 * contents work), every run in DejaVu Sans for all four character ranges (ascii, hAnsi, cs, eastAsia)
 * and tagged with the document's language. Section bodies are walked as CommonMark: paragraphs,
 * emphasis, code, links (http, https and mailto only), lists, quotes, code blocks, rules; raw HTML is
 * kept as text.
 */
final class DocxWriter {

    private static final int[] HEADING_HALF_POINTS = {32, 28, 24, 22, 21, 21};
    private static final int INDENT_TWIPS = 360;

    private final XWPFDocument docx;
    private final String language;

    private DocxWriter(XWPFDocument docx, String language) {
        this.docx = docx;
        this.language = language;
    }

    static byte[] write(Document document) {
        try (XWPFDocument docx = new XWPFDocument()) {
            DocxWriter writer = new DocxWriter(docx, document.language());
            writer.styles();
            writer.body(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("DOCX rendering failed", e);
        }
    }

    private void styles() {
        XWPFStyles styles = docx.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(DocumentFonts.FAMILY);
        fonts.setHAnsi(DocumentFonts.FAMILY);
        fonts.setCs(DocumentFonts.FAMILY);
        fonts.setEastAsia(DocumentFonts.FAMILY);
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage(language);
        styles.addStyle(paragraphStyle("Title", "Title", 40, null));
        for (int level = 1; level <= 6; level++) {
            styles.addStyle(paragraphStyle("Heading" + level, "heading " + level, HEADING_HALF_POINTS[level - 1], level - 1));
        }
        docx.getProperties().getCoreProperties().setCreator("Civic Taskforce");
    }

    private static XWPFStyle paragraphStyle(String id, String name, int halfPoints, Integer outlineLevel) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        CTString styleName = style.addNewName();
        styleName.setVal(name);
        style.addNewBasedOn().setVal("Normal");
        style.addNewNext().setVal("Normal");
        style.addNewUiPriority().setVal(BigInteger.valueOf(outlineLevel == null ? 10 : 9));
        style.addNewQFormat();
        var paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(outlineLevel == null ? 0 : 240));
        if (outlineLevel != null) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        run.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(style);
    }

    private void body(Document document) {
        XWPFParagraph title = docx.createParagraph();
        title.setStyle("Title");
        run(title).setText(document.title());
        if (document.subtitle() != null) {
            XWPFRun subtitle = run(docx.createParagraph());
            subtitle.setItalic(true);
            subtitle.setFontSize(12);
            subtitle.setText(document.subtitle());
        }
        for (String line : document.metadata()) {
            XWPFRun meta = run(docx.createParagraph());
            meta.setFontSize(9);
            meta.setColor("444444");
            meta.setText(line);
        }
        for (Document.Section section : document.sections()) {
            XWPFParagraph heading = docx.createParagraph();
            heading.setStyle("Heading" + section.level());
            run(heading).setText(section.heading());
            blocks(MarkdownBodies.parse(section.markdownBody(), section.level()), 0);
        }
    }

    private void blocks(Node parent, int indent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node, indent, null);
        }
    }

    private void block(Node node, int indent, String prefix) {
        if (node instanceof Paragraph) {
            XWPFParagraph p = paragraph(indent);
            if (prefix != null) {
                run(p).setText(prefix);
            }
            inlines(p, node, new Inline(false, false, false));
        } else if (node instanceof Heading heading) {
            XWPFParagraph p = docx.createParagraph();
            p.setStyle("Heading" + Math.min(6, heading.getLevel()));
            inlines(p, node, new Inline(false, false, false));
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            int number = node instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                    ? ordered.getMarkerStartNumber() : 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                String marker = node instanceof OrderedList ? (number++) + ". " : "• ";
                listItem((ListItem) item, indent + 1, marker);
            }
        } else if (node instanceof BlockQuote) {
            blocks(node, indent + 1);
        } else if (node instanceof FencedCodeBlock fenced) {
            code(fenced.getLiteral(), indent);
        } else if (node instanceof IndentedCodeBlock indented) {
            code(indented.getLiteral(), indent);
        } else if (node instanceof HtmlBlock html) {
            code(html.getLiteral(), indent);
        } else if (node instanceof ThematicBreak) {
            paragraph(indent).setBorderBottom(Borders.SINGLE);
        } else {
            blocks(node, indent);
        }
    }

    private void listItem(ListItem item, int indent, String marker) {
        boolean first = true;
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (first && child instanceof Paragraph) {
                block(child, indent, marker);
            } else {
                if (first) {
                    run(paragraph(indent)).setText(marker.strip());
                }
                block(child, indent, null);
            }
            first = false;
        }
        if (first) {
            run(paragraph(indent)).setText(marker.strip());
        }
    }

    private void code(String literal, int indent) {
        XWPFParagraph p = paragraph(indent);
        XWPFRun r = run(p);
        r.setFontSize(9);
        String[] lines = literal.replaceAll("\n$", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                r.addBreak();
            }
            r.setText(lines[i], i);
        }
    }

    private record Inline(boolean bold, boolean italic, boolean code) {
    }

    private void inlines(XWPFParagraph p, Node parent, Inline style) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                styled(run(p), style).setText(text.getLiteral());
            } else if (node instanceof Code code) {
                XWPFRun r = styled(run(p), style);
                r.setText(code.getLiteral());
                r.setColor("333333");
            } else if (node instanceof HtmlInline html) {
                styled(run(p), style).setText(html.getLiteral());
            } else if (node instanceof Emphasis) {
                inlines(p, node, new Inline(style.bold(), true, style.code()));
            } else if (node instanceof StrongEmphasis) {
                inlines(p, node, new Inline(true, style.italic(), style.code()));
            } else if (node instanceof SoftLineBreak) {
                styled(run(p), style).setText(" ");
            } else if (node instanceof HardLineBreak) {
                run(p).addBreak();
            } else if (node instanceof Link link) {
                link(p, link, style);
            } else {
                inlines(p, node, style);
            }
        }
    }

    private void link(XWPFParagraph p, Link link, Inline style) {
        String destination = link.getDestination() == null ? "" : link.getDestination().strip();
        String lower = destination.toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder();
        collectText(link, text);
        String label = text.isEmpty() ? destination : text.toString();
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
            XWPFHyperlinkRun r = p.createHyperlinkRun(destination);
            fonts(r);
            styled(r, style).setText(label);
            r.setColor("0B4F8A");
            r.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
        } else {
            styled(run(p), style).setText(destination.isEmpty() ? label : label + " (" + destination + ")");
        }
    }

    private static void collectText(Node parent, StringBuilder out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                out.append(text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                out.append(' ');
            } else {
                collectText(node, out);
            }
        }
    }

    private static XWPFRun styled(XWPFRun run, Inline style) {
        if (style.bold()) {
            run.setBold(true);
        }
        if (style.italic()) {
            run.setItalic(true);
        }
        return run;
    }

    private XWPFParagraph paragraph(int indent) {
        XWPFParagraph p = docx.createParagraph();
        if (indent > 0) {
            p.setIndentationLeft(indent * INDENT_TWIPS);
        }
        return p;
    }

    private XWPFRun run(XWPFParagraph paragraph) {
        return fonts(paragraph.createRun());
    }

    private XWPFRun fonts(XWPFRun run) {
        run.setFontFamily(DocumentFonts.FAMILY, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(DocumentFonts.FAMILY, XWPFRun.FontCharRange.hAnsi);
        run.setFontFamily(DocumentFonts.FAMILY, XWPFRun.FontCharRange.cs);
        run.setFontFamily(DocumentFonts.FAMILY, XWPFRun.FontCharRange.eastAsia);
        run.setLang(language);
        return run;
    }
}
