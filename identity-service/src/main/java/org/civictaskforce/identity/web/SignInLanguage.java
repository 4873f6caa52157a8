package org.civictaskforce.identity.web;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Keeps the sign-in page's language through Spring Security's redirects to and back to {@code /login}. */
public final class SignInLanguage {
    private SignInLanguage() {
    }

    /**
     * After a failed sign-in: {@code /login?error}, with the {@code lang} the form carried, so the one failure
     * message comes in the language the form was in. Nothing else about the attempt goes into the URL.
     */
    public static AuthenticationFailureHandler failureHandler() {
        RedirectStrategy redirects = new DefaultRedirectStrategy();
        return (request, response, exception) -> redirects.sendRedirect(request, response,
                "/login?error" + PageLanguage.fromParameter(request).map(l -> "&" + PageLanguage.PARAM + "=" + l).orElse(""));
    }

    /**
     * From {@code /oauth2/authorize} to the sign-in page: an OpenID Connect client may name the person's languages
     * in {@code ui_locales} ("ky ru"); the first of ours becomes the page's {@code lang}.
     */
    public static LoginUrlAuthenticationEntryPoint entryPoint(String loginPage) {
        return new LoginUrlAuthenticationEntryPoint(loginPage) {
            @Override
            protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                    AuthenticationException exception) {
                String url = super.determineUrlToUseForThisRequest(request, response, exception);
                return uiLocale(request.getParameter("ui_locales"))
                        .map(language -> url + (url.contains("?") ? "&" : "?") + PageLanguage.PARAM + "=" + language)
                        .orElse(url);
            }
        };
    }

    static Optional<String> uiLocale(String uiLocales) {
        if (uiLocales == null || uiLocales.length() > 200) {
            return Optional.empty();
        }
        return Arrays.stream(uiLocales.trim().split("\\s+")).map(PageLanguage::supported).flatMap(Optional::stream)
                .findFirst();
    }
}
