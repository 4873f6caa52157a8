package org.civictaskforce.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.http.Cookie;

/** How a page's language is chosen: lang parameter, civic-lang cookie, Accept-Language, English. */
class PageLanguageTest {
    @Test
    void theParameterComesFirstThenTheCookieThenTheBrowserThenEnglish() {
        assertThat(PageLanguage.of(request("ky", "uz", "ru-RU,ru;q=0.9"))).isEqualTo("ky");
        assertThat(PageLanguage.of(request(null, "uz", "ru-RU,ru;q=0.9"))).isEqualTo("uz");
        assertThat(PageLanguage.of(request(null, null, "ru-RU,ru;q=0.9"))).isEqualTo("ru");
        assertThat(PageLanguage.of(request(null, null, null))).isEqualTo("en");
    }

    @Test
    void anUnknownParameterOrCookieIsPassedOver() {
        assertThat(PageLanguage.of(request("xx", null, null))).isEqualTo("en");
        assertThat(PageLanguage.of(request("de", "fr", "tg,ru;q=0.8"))).isEqualTo("tg");
        assertThat(PageLanguage.of(request("", "<script>", "kk"))).isEqualTo("kk");
        assertThat(PageLanguage.of(request("x".repeat(1000), null, null))).isEqualTo("en");
    }

    @Test
    void theParameterAndCookieMayBeTagsInAnyCase() {
        assertThat(PageLanguage.of(request("KY", null, null))).isEqualTo("ky");
        assertThat(PageLanguage.of(request("uz-Latn-UZ", null, null))).isEqualTo("uz");
        assertThat(PageLanguage.of(request(null, "tk_TM", null))).isEqualTo("tk");
    }

    @Test
    void theBrowsersFirstLanguageWeSpeakByWeight() {
        assertThat(PageLanguage.fromAcceptLanguage("de-DE,de;q=0.9,ru;q=0.5")).hasValue("ru");
        assertThat(PageLanguage.fromAcceptLanguage("ru;q=0.5,ky-KG;q=0.9")).hasValue("ky");
        assertThat(PageLanguage.fromAcceptLanguage("uz-Cyrl-UZ,ru;q=0.8")).hasValue("uz");
        assertThat(PageLanguage.fromAcceptLanguage("en-US,en;q=0.9")).hasValue("en");
        assertThat(PageLanguage.fromAcceptLanguage("tk;q=0,ru;q=0.3")).hasValue("ru");
        assertThat(PageLanguage.fromAcceptLanguage("*")).isEmpty();
        assertThat(PageLanguage.fromAcceptLanguage("de, fr")).isEmpty();
        assertThat(PageLanguage.fromAcceptLanguage(";;q=x,=")).isEmpty();
    }

    @Test
    void anOpenIdClientsUiLocalesNameTheSignInPagesLanguage() {
        assertThat(SignInLanguage.uiLocale("de ky-KG ru")).hasValue("ky");
        assertThat(SignInLanguage.uiLocale("fr")).isEmpty();
        assertThat(SignInLanguage.uiLocale(null)).isEmpty();
    }

    private static MockHttpServletRequest request(String lang, String cookie, String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        if (lang != null) {
            request.setParameter(PageLanguage.PARAM, lang);
        }
        if (cookie != null) {
            request.setCookies(new Cookie(PageLanguage.COOKIE, cookie));
        }
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }
}
