package org.civictaskforce.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_PASSWORD;
import static org.civictaskforce.identity.IdentityTestSupport.BOOTSTRAP_USER;
import static org.civictaskforce.identity.IdentityTestSupport.form;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civictaskforce.identity.AuthorizationCodeFlow.Browser;
import org.junit.jupiter.api.Test;

/**
 * The sign-in and enrolment pages in the seven languages: chosen by {@code ?lang}, the {@code civic-lang} cookie,
 * Accept-Language or else English; kept through the page's own posts and redirects; with a switcher, the right
 * {@code <html lang>}, and every security property of the English pages.
 */
class LocalizedPagesIT extends IdentityIntegrationTestBase {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Test
    void theSignInPageInKyrgyzByTheLangParameter() {
        HttpResponse<String> page = get("/login?lang=ky");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<html lang=\"ky\">").contains("<h1>Кирүү</h1>")
                .contains(">Колдонуучу аты</label>").contains(">Сырсөз</label>").contains("Бир жолку код")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"ky\">")
                .doesNotContain(">Username<", ">Password<");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).contains("UTF-8"));
        assertThat(page.headers().firstValue("Content-Language")).hasValue("ky");
        // one h1, and the language switcher: each language in itself, marked with its lang
        assertThat(html.split("<h1", -1)).hasSize(2);
        assertThat(html).contains("<a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a>")
                .contains("<a href=\"?lang=ru\" lang=\"ru\" hreflang=\"ru\">Русский</a>")
                .contains("<a href=\"?lang=kk\" lang=\"kk\" hreflang=\"kk\">Қазақша</a>")
                .contains("<a href=\"?lang=ky\" lang=\"ky\" hreflang=\"ky\" aria-current=\"true\">Кыргызча</a>")
                .contains("<a href=\"?lang=tg\" lang=\"tg\" hreflang=\"tg\">Тоҷикӣ</a>")
                .contains("<a href=\"?lang=tk\" lang=\"tk\" hreflang=\"tk\">Türkmençe</a>")
                .contains("<a href=\"?lang=uz\" lang=\"uz\" hreflang=\"uz\">Oʻzbekcha</a>")
                .contains("<nav aria-label=\"Тил\">");
        // still no script of any kind and the same CSP
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainPattern("(?i)\\son[a-z]+=");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").doesNotContain("script-src"));
    }

    @Test
    void theSignInPageInRussianByAcceptLanguage() {
        HttpResponse<String> page = get("/login", "Accept-Language", "ru-RU,ru;q=0.9");
        assertThat(page.body()).contains("<html lang=\"ru\">").contains("<h1>Вход</h1>").contains(">Имя пользователя</label>")
                .contains(">Пароль</label>").contains(">Войти</button>");
        assertThat(page.headers().firstValue("Content-Language")).hasValue("ru");
        assertThat(page.headers().allValues("Vary").toString()).contains("Accept-Language").contains("Cookie");
        // a Kyrgyz speaker's browser with Russian second
        assertThat(get("/login", "Accept-Language", "ky-KG,ru;q=0.8").body()).contains("<html lang=\"ky\">");
        assertThat(get("/login", "Accept-Language", "de-DE,ru;q=0.5").body()).contains("<html lang=\"ru\">");
    }

    @Test
    void theSignInPageInUzbekByTheWebClientsCookie() {
        String html = get("/login", "Cookie", "civic-lang=uz", "Accept-Language", "ru").body();
        assertThat(html).contains("<html lang=\"uz\">").contains("<h1>Kirish</h1>").contains(">Foydalanuvchi nomi</label>")
                .contains("Bir martalik kod");
        // the parameter wins over the cookie
        assertThat(get("/login?lang=tg", "Cookie", "civic-lang=uz").body()).contains("<html lang=\"tg\">")
                .contains(">Номи корбар</label>");
    }

    @Test
    void anUnknownLanguageFallsBackToTheNextSourceThenEnglish() {
        String english = get("/login?lang=xx").body();
        assertThat(english).contains("<html lang=\"en\">").contains("<h1>Sign in</h1>").contains(">Username</label>")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"en\">");
        assertThat(get("/login?lang=de", "Cookie", "civic-lang=fr", "Accept-Language", "de,kk;q=0.5").body())
                .contains("<html lang=\"kk\">").contains(">Пайдаланушы аты</label>");
        assertThat(get("/login?lang=%3Cb%3E", "Accept-Language", "fr-FR").body()).contains("<html lang=\"en\">")
                .doesNotContain("<b>");
    }

    @Test
    void theOneFailureMessageInThePersonsLanguageKeptThroughTheRedirect() {
        Browser browser = new Browser();
        // the gateway may name the language in the authorization request (OIDC ui_locales)
        HttpResponse<String> authorize = browser.get(flow.authorizeUrl("state-1",
                AuthorizationCodeFlow.challenge("a-verifier-that-is-long-enough-for-pkce-0123456789")) + "&ui_locales=fr%20ky");
        String login = AuthorizationCodeFlow.location(authorize).orElseThrow();
        assertThat(login).endsWith("/login?lang=ky");
        HttpResponse<String> page = browser.get(login);
        assertThat(page.body()).contains("<html lang=\"ky\">");

        // an unknown user: the same single message as any failure, now in Kyrgyz
        HttpResponse<String> failed = browser.postForm(base + "/login", form("username", "nobody-" + UUID.randomUUID(),
                "password", "wrong password here", "_csrf", browser.csrfOf(page), "lang", "ky"));
        String again = AuthorizationCodeFlow.location(failed).orElseThrow();
        assertThat(again).endsWith("/login?error&lang=ky").doesNotContain("nobody").doesNotContain("wrong");
        String html = browser.get(again.startsWith("http") ? again : base + again).body();
        assertThat(html).contains("<html lang=\"ky\">")
                .contains("<p id=\"message\" class=\"message\" role=\"alert\">Кирүү ишке ашкан жок.");
        assertThat(html).contains("id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus"
                + " aria-describedby=\"message\"").contains("aria-describedby=\"message\">");
        // switching language keeps the failure shown
        assertThat(html).contains("href=\"?error&amp;lang=ru\"");
        assertThat(get("/login?error&lang=ru").body()).contains("<p id=\"message\" class=\"message\" role=\"alert\">"
                + "Не удалось войти.");
        // English starts as the system tests expect
        assertThat(get("/login?error").body()).contains("class=\"message\" role=\"alert\">Sign-in failed. ");

        // the right password with the language field still signs in and goes on with the authorization
        HttpResponse<String> signedIn = browser.postForm(base + "/login", form("username", BOOTSTRAP_USER,
                "password", BOOTSTRAP_PASSWORD, "_csrf", browser.csrfOf(browser.get(base + "/login?lang=ky")), "lang", "ky"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(AuthorizationCodeFlow.location(signedIn).orElseThrow()).contains("/oauth2/authorize")
                .doesNotContain("error");
    }

    @Test
    void theEnrolmentPageInEachWayAndItsRefusalsTiedToTheirField() {
        String token = tokenOf(issue(coordinatorToken(), UUID.randomUUID().toString()));
        Browser browser = new Browser();
        HttpResponse<String> kyrgyz = browser.get(base + "/enrol?token=" + token + "&lang=ky");
        assertThat(kyrgyz.statusCode()).isEqualTo(200);
        assertThat(kyrgyz.body()).contains("<html lang=\"ky\">").contains("<h1>Катталуу</h1>")
                .contains(">Колдонуучу аты</label>").contains(">Сырсөз (кеминде 12 белги)</label>")
                .contains("кеминде 12 белгиден турган сырсөздү")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"ky\">")
                // the switcher keeps the link's token (it is in the address already) and nothing else
                .contains("href=\"?token=" + token + "&amp;lang=ru\" lang=\"ru\"");
        assertThat(kyrgyz.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(get("/enrol?token=" + token, "Accept-Language", "ru-RU,ru;q=0.9").body())
                .contains("<html lang=\"ru\">").contains("<h1>Регистрация</h1>");
        assertThat(get("/enrol?token=" + token, "Cookie", "civic-lang=uz").body())
                .contains("<html lang=\"uz\">").contains(">Foydalanuvchi nomi</label>");
        assertThat(get("/enrol?token=" + token + "&lang=zz").body()).contains("<html lang=\"en\">")
                .contains("<h1>Enrolment</h1>");

        // a short password: the form again in Kyrgyz, the message tied to the password field, the username kept
        String secret = "short pass";
        HttpResponse<String> tooShort = browser.postForm(base + "/enrol", form("token", token, "username", "Aibek.T",
                "password", secret, "repeat", secret, "_csrf", browser.csrfOf(kyrgyz), "lang", "ky"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("<html lang=\"ky\">")
                .contains("role=\"alert\">Сырсөз кеминде 12 белгиден турушу керек.</p>")
                .contains("name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"12\""
                        + " aria-invalid=\"true\" aria-describedby=\"message\">")
                .contains("value=\"Aibek.T\"").doesNotContain(secret);
        assertThat(hrefs(tooShort.body())).allSatisfy(href -> assertThat(href).doesNotContain("short"));
        // the passwords differ: tied to the repeat field
        HttpResponse<String> differ = browser.postForm(base + "/enrol", form("token", token, "username", "Aibek.T",
                "password", "correct horse battery", "repeat", "correct horse batterx", "_csrf", browser.csrfOf(kyrgyz),
                "lang", "tg"));
        assertThat(differ.body()).contains("<html lang=\"tg\">").contains("role=\"alert\">Ду парол мувофиқат намекунанд.")
                .contains("name=\"repeat\" type=\"password\" autocomplete=\"new-password\" required minlength=\"12\""
                        + " aria-invalid=\"true\" aria-describedby=\"message\">");
        assertThat(hrefs(differ.body())).allSatisfy(href -> assertThat(href).doesNotContain("correct"));
        // a username outside the rule: tied to the username field (English from the cookie's absence)
        HttpResponse<String> badName = browser.postForm(base + "/enrol", form("token", token, "username", "x y",
                "password", "correct horse battery", "repeat", "correct horse battery", "_csrf", browser.csrfOf(kyrgyz)));
        assertThat(badName.body()).contains("<html lang=\"en\">").contains("role=\"alert\">Choose a username of 3 to 64")
                .contains("aria-invalid=\"true\" aria-describedby=\"message\">\n<label for=\"password\">");

        HttpResponse<String> done = browser.postForm(base + "/enrol", form("token", token, "username", "Aibek.T",
                "password", "correct horse battery", "repeat", "correct horse battery", "_csrf", browser.csrfOf(kyrgyz),
                "lang", "tk"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("<html lang=\"tk\">").contains("<h1>Hasaba alyş tamamlandy</h1>")
                .contains("Hasabyňyz taýýar.").contains("href=\"?done&amp;lang=uz\"");
        assertThat(hrefs(done.body())).allSatisfy(href -> assertThat(href).doesNotContain(token).doesNotContain("correct"));
        assertThat(get("/enrol?done&lang=uz").body()).contains("<html lang=\"uz\">").contains("Hisobingiz tayyor.");

        // the used link: 410, said in the person's language, the switcher keeps showing the same
        HttpResponse<String> used = get("/enrol?token=" + token + "&lang=kk");
        assertThat(used.statusCode()).isEqualTo(410);
        assertThat(used.body()).contains("<html lang=\"kk\">").contains("Бұл тіркелу сілтемесі бұрын пайдаланылған.")
                .contains("href=\"?token=" + token + "&amp;lang=en\"");
        assertThat(get("/enrol?token=nonsense", "Accept-Language", "ru").body())
                .contains("Эта ссылка для регистрации недействительна.");
    }

    @Test
    void theUsernameTakenMessageInThePersonsLanguage() {
        String coordinator = coordinatorToken();
        String first = tokenOf(issue(coordinator, UUID.randomUUID().toString()));
        assertThat(IdentityTestSupport.call("POST", base + "/enrol", null, "{\"token\":\"" + first
                + "\",\"username\":\"taken.name.l10n\",\"password\":\"correct horse battery\"}").statusCode()).isEqualTo(201);
        String token = tokenOf(issue(coordinator, UUID.randomUUID().toString()));
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(base + "/enrol?token=" + token);
        HttpResponse<String> taken = browser.postForm(base + "/enrol", form("token", token, "username", "Taken.Name.L10n",
                "password", "correct horse battery", "repeat", "correct horse battery", "_csrf", browser.csrfOf(page),
                "lang", "ru"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("role=\"alert\">Это имя пользователя уже занято; выберите другое.")
                .contains("required minlength=\"3\" maxlength=\"64\" value=\"Taken.Name.L10n\" aria-invalid=\"true\""
                        + " aria-describedby=\"message\">");
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new Browser().send(request.GET().build());
    }

    private static List<String> hrefs(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
