package org.civictaskforce.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.civictaskforce.devstack.Devstack;
import org.civictaskforce.devstack.DevstackSecrets;
import org.civictaskforce.systemtests.journey.GatewayClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web client in a real browser (headless Chromium, driven by the system's chromedriver): the coordinator
 * signs in through the "Sign in" link and the identity service's page and registers a person; a member sees
 * neither the Register form nor Invite buttons but their own inbox, turns on a second factor in the Security
 * section, signs out, and from then on signs in only with a one-time code.
 *
 * <p>Needs {@code chromium} and {@code chromedriver} ({@code .ci/run} installs them). Without them the test is
 * skipped on a developer's machine, but fails when the environment variable {@code CI} is set.
 */
class WebClientBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static Path browserBinary;
    private static Path driverBinary;
    private static Devstack stack;
    private static GatewayClient coordinator;

    private WebDriver driver;
    private Path profile;

    @BeforeAll
    static void browserAndSystem() {
        browserBinary = executable(System.getProperty("chrome.binary", System.getenv("CHROME_BIN")), BROWSERS);
        driverBinary = executable(System.getProperty("webdriver.chrome.driver"), List.of("/usr/bin/chromedriver"));
        if (browserBinary == null || driverBinary == null) {
            String missing = "the browser journey needs chromium and chromedriver (found browser " + browserBinary
                    + ", driver " + driverBinary + "); .ci/run installs them with apt-get";
            if (System.getenv("CI") != null) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing);
        }
        // the driver given here, never one Selenium Manager would download
        System.setProperty("webdriver.chrome.driver", driverBinary.toString());
        stack = SystemUnderTest.stack();
        coordinator = SystemUnderTest.gateway();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            profile = null;
        }
    }

    @Test
    void theCoordinatorSignsInThroughTheWebClientAndRegistersAPerson() {
        // more people than one page, so the list has to find the newest registrations (as in a long-lived group)
        while (coordinator.get("/api/membership/people?size=1").body().get("page").get("totalElements").asLong() <= 20) {
            Answer filler = coordinator.post("/api/membership/people", """
                    {"displayName":"Earlier Person","email":"earlier-%s@example.org","country":"TJ",
                     "preferredLanguage":"tg","timeZone":"Asia/Dushanbe"}""".formatted(UUID.randomUUID()));
            assertThat(filler.status()).as(filler.raw()).isEqualTo(201);
        }
        open();
        signInThroughTheWebClient(DevstackSecrets.BOOTSTRAP_USERNAME, stack.secrets().bootstrapPassword(), null);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "coordinator"));

        // the people list and the coordinator's form
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#people li")));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
        assertThat(driver.findElement(By.id("inbox-form")).isDisplayed()).as("anyone's inbox").isTrue();

        String name = "Browser Person " + UUID.randomUUID().toString().substring(0, 6);
        WebElement form = driver.findElement(By.id("register-form"));
        form.findElement(By.name("displayName")).sendKeys(name);
        form.findElement(By.name("fullName")).sendKeys(name + " Example");
        form.findElement(By.name("email")).sendKeys("web-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        new Select(form.findElement(By.name("country"))).selectByValue("KG");
        new Select(form.findElement(By.name("preferredLanguage"))).selectByValue("ru");
        WebElement zone = form.findElement(By.name("timeZone"));
        zone.clear();
        zone.sendKeys("Asia/Bishkek");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waitFor(ExpectedConditions.textToBe(By.id("status"), "Registered " + name + "."));
        WebElement listed = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[@id='people']/li[span[normalize-space()='" + name + "']]")));
        assertThat(listed.getText()).contains("KG");
        // the coordinator is offered the invitation, and it goes through
        listed.findElement(By.xpath("./button[normalize-space()='Invite']")).click();
        waitFor(ExpectedConditions.textToBe(By.id("status"), "Invited " + name + "."));
    }

    @Test
    void aMemberSeesTheirOwnInboxTurnsOnASecondFactorAndThenSignsInOnlyWithACode() throws Exception {
        String person = Members.activeExpert(coordinator, "Browser Member", "KZ", "Asia/Almaty");
        // their token carries the role before the browser signs in
        coordinator.as(person, org.civictaskforce.platform.security.Role.EXPERT);
        String[] credentials = SystemUnderTest.identities().credentials(person);
        open();
        signInThroughTheWebClient(credentials[0], credentials[1], null);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "expert"));

        // no coordinator's actions: no Register form, no Invite buttons, no person-id inbox form
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#people li")));
        assertThat(driver.findElement(By.id("register-section")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.xpath("//button[normalize-space()='Invite']"))).isEmpty();
        assertThat(driver.findElement(By.id("inbox-form")).isDisplayed()).isFalse();
        // their own inbox instead (the invitation they were sent is in it)
        waitFor(ExpectedConditions.textToBe(By.id("inbox-heading"), "Your inbox"));
        waitFor(ExpectedConditions.textMatches(By.id("inbox-summary"), java.util.regex.Pattern.compile("\\d+ unread")));
        assertThat(driver.findElement(By.id("status")).getText()).doesNotContain("Could not");

        // Security: turn on a second factor
        driver.findElement(By.id("second-factor-start")).click();
        WebElement shown = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("second-factor-secret")));
        String grouped = shown.getText();
        assertThat(grouped).as("grouped in fours for typing").matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        String secret = grouped.replace(" ", "");
        assertThat(driver.findElement(By.id("second-factor-uri")).getText()).startsWith("otpauth://totp/")
                .contains("secret=" + secret);
        assertThat(driver.getCurrentUrl()).doesNotContain(secret);
        assertThat(String.valueOf(((JavascriptExecutor) driver).executeScript(
                "return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage);")))
                .doesNotContain(secret);

        long step = OneTimeCodes.currentStep();
        WebElement confirm = driver.findElement(By.id("second-factor-confirm-form"));
        confirm.findElement(By.name("code")).sendKeys(OneTimeCodes.code(secret, step));
        confirm.findElement(By.name("password")).sendKeys(credentials[1]);
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("second-factor-status"),
                "The second factor is on"));
        assertThat(driver.findElement(By.id("second-factor-setup")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("second-factor-secret")).getAttribute("textContent"))
                .as("the secret is cleared from the page").isEmpty();

        // sign out: the gateway's session and the identity service's end
        driver.findElement(By.id("sign-out")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(stack.gatewayUrl())
                && !d.findElements(By.id("sign-in")).isEmpty() && d.findElement(By.id("sign-in")).isDisplayed());

        // the password alone: the sign-in page's one message for every failure
        startSignIn();
        fillSignIn(credentials[0], credentials[1], null);
        WebElement failure = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.message")));
        assertThat(failure.getText()).startsWith("Sign-in failed.");
        // with the next code (the step used to confirm is spent) it signs in, back at the web client
        long next = Math.max(step + 1, OneTimeCodes.currentStep());
        fillSignIn(credentials[0], credentials[1], OneTimeCodes.code(secret, next));
        waitUntilSignedIn();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "expert"));
        waitFor(ExpectedConditions.textToBe(By.id("inbox-heading"), "Your inbox"));
    }

    // --- the browser ------------------------------------------------------------------------------------------

    private void open() {
        try {
            profile = Files.createTempDirectory("civic-chromium-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30)).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        driver.get(stack.gatewayUrl() + "/");
    }

    /** Clicks the web client's "Sign in", signs in on the identity service's page and waits to be back. */
    private void signInThroughTheWebClient(String username, String password, String code) {
        startSignIn();
        fillSignIn(username, password, code);
        waitUntilSignedIn();
    }

    private void startSignIn() {
        waitFor(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(stack.identityUrl() + "/login");
    }

    private void fillSignIn(String username, String password, String code) {
        WebElement user = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        if (code != null) {
            driver.findElement(By.name("otp")).sendKeys(code);
        }
        WebElement button = driver.findElement(By.cssSelector("form button[type=submit]"));
        button.click();
        waitFor(ExpectedConditions.stalenessOf(button));
    }

    private void waitUntilSignedIn() {
        waitFor(d -> d.getCurrentUrl().startsWith(stack.gatewayUrl()));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        // a page that navigates away under a check is checked again on the next poll
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private static Path executable(String configured, List<String> candidates) {
        Stream<String> paths = configured == null || configured.isBlank() ? candidates.stream()
                : Stream.of(configured);
        return paths.map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
