package org.civictaskforce.documents;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTextTest {

    private final DocumentRenderer renderer = new DocumentRenderer();

    private String html(String body) {
        String page = renderer.html(Document.of("T", "en", List.of(Document.Section.of("S", body))));
        return page.substring(page.indexOf("<h2>S</h2>") + "<h2>S</h2>".length(), page.indexOf("</section>")).strip();
    }

    @Test
    void plainTextShowsAsWrittenWithoutMarkdownMeaning() {
        String text = "# not a heading\n1. not a list\n*not emphasis* [not](a link) &amp; <b>x</b>\n\n- second paragraph";
        assertThat(html(MarkdownText.block(text))).isEqualTo(
                "<p># not a heading<br />\n1. not a list<br />\n*not emphasis* [not](a link) &amp;amp; &lt;b&gt;x&lt;/b&gt;</p>\n"
                        + "<p>- second paragraph</p>");
        assertThat(html("- " + MarkdownText.inline("2) *x*\nnext"))).isEqualTo("<ul>\n<li>2) *x* next</li>\n</ul>");
    }

    @Test
    void onlyPlainWebAddressesBecomeLinks() {
        assertThat(html(MarkdownText.link("https://example.org/a?b=1&c=2"))).isEqualTo(
                "<p><a rel=\"nofollow\" href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a></p>");
        assertThat(html(MarkdownText.link("javascript:alert(1)"))).isEqualTo("<p>javascript:alert(1)</p>");
        assertThat(html(MarkdownText.link("https://x.org/\"><script>"))).doesNotContain("<script>").doesNotContain("<a ");
    }
}
