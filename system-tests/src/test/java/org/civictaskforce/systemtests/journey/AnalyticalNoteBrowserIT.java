package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackSecrets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import tools.jackson.databind.JsonNode;

/**
 * Journey 4 in the browser, in Kazakh: the coordinator publishes a version of the analytical note from the note's
 * screen; a finding in Uzbek is accepted (through the API: the expert's and reviewer's screens are journey 3's);
 * the coordinator publishes the next version, reads what changed in it, and downloads its PDF from the page, which
 * holds the Kazakh and Uzbek letters. axe-core on every screen. The stack is shared with other journeys, so version
 * numbers are read from the service, never assumed.
 */
class AnalyticalNoteBrowserIT {
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String KAZAKH = "Қоғамдық бірлестіктер туралы заңның өзгерістері";
    static final String UZBEK = "Oʻzbekiston fuqarolik jamiyati gʻoyalari";

    @Test
    void aCoordinatorPublishesTwoVersionsSeesWhatChangedAndDownloadsThePdf() throws Exception {
        WebBrowser.requireBrowser();
        Devstack stack = SystemUnderTest.stack();
        GatewayClient gateway = SystemUnderTest.gateway();
        AnalyticalNoteIT.acceptedFinding(gateway, RUN, "KZ", "wb", KAZAKH + " (browser " + RUN + ").");
        Path downloads = Files.createTempDirectory("civic-downloads-");

        try (WebBrowser c = WebBrowser.open(stack.gatewayUrl() + "/", "kk,ru", 1280)) {
            c.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());
            c.allowDownloads(downloads);

            // the next version, with what it would add, published after the confirmation
            int first = publish(c, gateway, KAZAKH);
            c.screenshot("note-kk-published");

            // another finding is accepted; the next version says so
            AnalyticalNoteIT.acceptedFinding(gateway, RUN, "UZ", "wb", UZBEK + " (browser " + RUN + ").");
            int second = publish(c, gateway, UZBEK);
            assertThat(second).isGreaterThan(first);

            // the version's page: what changed since the one before, in words, and its PDF
            c.area("note/versions/" + second);
            c.visible(By.id("note-version-changes"));
            assertThat(c.visible(By.id("note-version-changes")).getText()).contains("Қосылды", UZBEK);
            c.assertAccessible("a version of the note with what changed");
            c.screenshot("note-kk-version");
            c.click(By.id("version-downloads-pdf"));
            Path pdf = c.downloaded(downloads, "analytical-note-v" + second + ".pdf");
            assertThat(AnalyticalNoteIT.pdfText(Files.readAllBytes(pdf))).contains(KAZAKH, UZBEK);
            c.visible(By.xpath("//*[@id='version-downloads']//*[@role='status'][contains(., 'analytical-note-v" + second + ".pdf')]"));
        }
    }

    /** Publishes the next version from the note's screen; its number once the service has it with the statement. */
    private static int publish(WebBrowser c, GatewayClient gateway, String statement) {
        c.area("note");
        c.driver().navigate().refresh();
        c.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("note-next-changes"), statement));
        c.assertAccessible("the note's next version");
        c.click(By.id("note-publish"));
        c.assertAccessible("publishing confirmation");
        c.click(By.id("note-publish-confirm"));
        c.visible(By.cssSelector("#note-versions"));
        return c.waitFor(d -> {
            JsonNode versions = gateway.get("/api/research/note/versions").body().get("versions");
            int latest = versions.get(versions.size() - 1).get("number").asInt();
            String content = gateway.get("/api/research/note/versions/" + latest).raw();
            return content.contains(statement) ? latest : null;
        });
    }
}
