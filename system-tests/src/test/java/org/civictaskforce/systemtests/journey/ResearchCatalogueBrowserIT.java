package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackSecrets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The research screens that journey 3's test passes by, on a 360 px phone in Kyrgyz: the catalogue, an institution
 * with its sources and UNVERIFIED marks, a country's relations, the coverage heat map and a search with the found
 * words marked. axe-core, the width and 44 px targets on every screen.
 */
class ResearchCatalogueBrowserIT {

    @Test
    void theCatalogueCoverageAndSearchReadOnAPhoneInKyrgyz() {
        WebBrowser.requireBrowser();
        Devstack stack = SystemUnderTest.stack();
        try (WebBrowser p = WebBrowser.open(stack.gatewayUrl() + "/", "ky,ru", 360)) {
            p.signIn(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword());

            p.area("research");
            p.visible(By.cssSelector("#institutions-table a"));
            p.visible(By.cssSelector("#countries-list a"));
            onThePhone(p, "research catalogue");
            p.screenshot("research-ky-360-catalogue");

            p.area("research/institutions/wb");
            p.visible(By.cssSelector("#standards-list .research-source"));
            // every fact says how sure the catalogue is, in words
            assertThat(p.visible(By.id("standards-list")).getText()).contains("Ишенимдүүлүк:");
            onThePhone(p, "an institution with its sources");

            p.area("research/countries/KZ");
            p.visible(By.cssSelector("#relations-list li"));
            onThePhone(p, "a country's relations");

            p.area("research/coverage");
            p.visible(By.cssSelector("#coverage-table td"));
            onThePhone(p, "the coverage heat map");
            p.screenshot("research-ky-360-coverage");

            p.area("research/search");
            p.type(By.id("search-q"), "Bank");
            p.visible(By.id("search-q")).sendKeys(Keys.ENTER);
            p.visible(By.cssSelector("#search-results mark"));
            onThePhone(p, "search with the found words marked");
            p.screenshot("research-ky-360-search");
        }
    }

    private static void onThePhone(WebBrowser browser, String screen) {
        browser.assertAccessible(screen);
        browser.assertFitsWidth(screen);
        browser.assertTouchTargets(screen);
    }
}
