package org.civictaskforce.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentRendererTest {

    private final DocumentRenderer renderer = new DocumentRenderer();

    @Test
    void pdfTextContainsEverySampleStringExactly() throws Exception {
        byte[] pdf = renderer.pdf(Samples.document());

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String lang : Samples.LANGUAGES) {
                assertThat(text).as(lang).contains(Samples.BY_LANGUAGE.get(lang));
            }
            assertThat(text).contains("Аналитическая записка", "Қазақстан, Кыргызстан, Тоҷикистон", "Version 1");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Аналитическая записка");
        }
    }

    @Test
    void pdfEmbedsOnlyDejaVuSans() throws Exception {
        try (PDDocument document = Loader.loadPDF(renderer.pdf(Samples.document()))) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).contains("DejaVuSans"));
            assertThat(fonts).anySatisfy(name -> assertThat(name).endsWith("DejaVuSans-Bold"));
        }
    }

    @Test
    void docxHasEverySampleStringWithTheFontAndLanguageOnEveryRun() throws Exception {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(Samples.document())))) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            for (String lang : Samples.LANGUAGES) {
                assertThat(paragraphs).as(lang).contains(Samples.BY_LANGUAGE.get(lang));
            }
            assertThat(paragraphs.get(0)).isEqualTo("Аналитическая записка");
            assertThat(docx.getParagraphs().get(0).getStyle()).isEqualTo("Title");
            assertThat(docx.getStyles().styleExist("Heading1")).isTrue();
            assertThat(docx.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText))
                    .contains("KK: Қазақстан Республикасы әділет", "UZ: Oʻzbekiston Respublikasi gʻazna");
            List<XWPFRun> runs = docx.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).toList();
            assertThat(runs).isNotEmpty().allSatisfy(run -> {
                for (XWPFRun.FontCharRange range : XWPFRun.FontCharRange.values()) {
                    assertThat(run.getFontFamily(range)).as(range.name()).isEqualTo("DejaVu Sans");
                }
                assertThat(run.getLang()).isEqualTo("ru");
            });
            assertThat(runs).anySatisfy(run -> assertThat(run.isBold()).isTrue())
                    .anySatisfy(run -> assertThat(run.isItalic()).isTrue());
        }
    }

    @Test
    void htmlEscapesRawHtmlInBodiesAndHeadings() {
        Document document = new Document("<b>Title</b> & co", "en", null, List.of("<i>meta</i>"), List.of(
                new Document.Section(1, "<script>alert(1)</script>",
                        "Before <script>alert('x')</script> after\n\n<div onclick=\"x()\">block</div>\n\n"
                                + "[click](javascript:alert(1)) and ![tracker](https://example.org/pixel.png)")));

        String html = renderer.html(document);

        assertThat(html).doesNotContain("<script>").doesNotContain("<div").doesNotContain("<b>").doesNotContain("<i>")
                .doesNotContain("javascript:").doesNotContain("<img");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;")
                .contains("&lt;b&gt;Title&lt;/b&gt; &amp; co")
                .contains("<a rel=\"nofollow\" href=\"https://example.org/pixel.png\">tracker</a>")
                .contains("<a rel=\"nofollow\" href=\"\">click</a>")
                .contains("<html lang=\"en\">").contains("<meta charset=\"UTF-8\" />");
    }

    @Test
    void htmlIsWellFormedXmlWithTheSectionsInOrder() throws Exception {
        String html = renderer.html(Samples.document());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        org.w3c.dom.Document dom = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        NodeList headings = dom.getElementsByTagName("h2");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < headings.getLength(); i++) {
            texts.add(headings.item(i).getTextContent());
        }
        assertThat(texts).containsExactlyElementsOf(
                Samples.LANGUAGES.stream().map(l -> l.toUpperCase() + ": " + Samples.BY_LANGUAGE.get(l)).toList());
        assertThat(html).contains("<strong>bold</strong>", "<em>second</em>", "<code>code</code>");
    }

    @Test
    void headingsInsideABodyGoBelowTheSectionLevel() {
        Document document = Document.of("T", "en", List.of(new Document.Section(2, "Sub", "# Inner\n\ntext")));
        assertThat(renderer.html(document)).contains("<h3>Sub</h3>").contains("<h4>Inner</h4>");
    }

    @Test
    void markdownKeepsBodiesAndEscapesHeadings() {
        Document document = new Document("Note #1 *draft*", "kk", "sub", List.of("Version 2", "Published"),
                List.of(Document.Section.of("Қазақстан", "Body **kept**"), new Document.Section(2, "[x](y)", "")));

        String markdown = renderer.markdown(document);

        assertThat(markdown).startsWith("# Note \\#1 \\*draft\\*\n\n*sub*\n\nVersion 2\\\nPublished\n\n")
                .contains("## Қазақстан\n\nBody **kept**\n\n")
                .contains("### \\[x\\](y)\n");
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreDroppedSoEveryFormatRenders() throws Exception {
        Document document = Document.of("Bad\u0001 title\u0000", "tk", List.of(Document.Section.of("H\u0007", "x\u000B y\uFFFF")));

        assertThat(document.title()).isEqualTo("Bad title");
        assertThat(renderer.html(document)).contains("<h1>Bad title</h1>").contains("x y");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(document)));
             PDDocument pdf = Loader.loadPDF(renderer.pdf(document))) {
            assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"))).contains("x y");
            assertThat(new PDFTextStripper().getText(pdf)).contains("Bad title");
        }
    }

    @Test
    void docxRendersListsQuotesCodeAndLinks() throws Exception {
        String body = """
                - first item
                - second with [a link](https://example.org/a)

                1. one
                2. two

                > quoted Ҷумҳурии

                ```
                code line 1
                code line 2
                ```

                ---

                [bad](javascript:alert(1))
                """;
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
                renderer.docx(Document.of("T", "tg", List.of(Document.Section.of("S", body))))))) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("• first item", "• second with a link", "1. one", "2. two", "quoted Ҷумҳурии",
                    "code line 1\ncode line 2");
            assertThat(paragraphs).anySatisfy(p -> assertThat(p).startsWith("bad"));
            assertThat(docx.getHyperlinks()).extracting(h -> h.getURL()).containsExactly("https://example.org/a");
        }
    }

    @Test
    void renderByFormatGivesTheSameBytesAsTheNamedMethods() {
        Document document = Samples.document();
        assertThat(new String(renderer.render(document, DocumentFormat.MARKDOWN), StandardCharsets.UTF_8))
                .isEqualTo(renderer.markdown(document));
        assertThat(new String(renderer.render(document, DocumentFormat.HTML), StandardCharsets.UTF_8))
                .isEqualTo(renderer.html(document));
        assertThat(renderer.render(document, DocumentFormat.PDF)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(renderer.render(document, DocumentFormat.DOCX)).startsWith(new byte[] {'P', 'K'});
    }
}
