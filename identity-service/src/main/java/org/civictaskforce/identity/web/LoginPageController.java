package org.civictaskforce.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civictaskforce.identity.signin.SignInDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /login}: the sign-in form (posted to {@code /login}, handled by Spring Security). One message for
 * every failure, so the page does not reveal whether a username exists or is locked, or whether the password was
 * right when the one-time code was not. The optional one-time code field goes to {@link SignInDetails}. In the
 * person's language ({@link PageLanguage}); the form's hidden {@code lang} comes back in the failure redirect.
 */
@Controller
public class LoginPageController {
    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> login(HttpServletRequest request, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        PageTexts texts = PageTexts.of(request);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = error != null;
        String message = failed ? Html.message(texts.text("login.failed"), true)
                : logout != null ? Html.message(texts.text("login.signedOut"), false) : "";
        // the switcher shows the same state in another language
        Map<String, String> keep = new LinkedHashMap<>();
        if (failed) {
            keep.put("error", null);
        } else if (logout != null) {
            keep.put("logout", null);
        }
        // the failure concerns the whole form (which field was wrong is not said), so all three point to it
        String describedBy = Html.describedBy(failed);
        String body = message + """
                <form method="post" action="login">
                <label for="username">%3$s</label>
                <input id="username" name="username" autocomplete="username" required autofocus%6$s>
                <label for="password">%4$s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required%6$s>
                <label for="%1$s">%5$s <small>%7$s</small></label>
                <input id="%1$s" name="%1$s" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="24"%6$s>
                %2$s
                <button type="submit">%8$s</button>
                </form>
                <p><small>%9$s</small></p>
                """.formatted(SignInDetails.FIELD, Html.csrf(csrf) + Html.languageField(texts),
                Html.escape(texts.text("login.username")), Html.escape(texts.text("login.password")),
                Html.escape(texts.text("login.oneTimeCode")), describedBy,
                Html.escape(texts.text("login.oneTimeCodeHint")), Html.escape(texts.text("login.submit")),
                Html.escape(texts.text("login.noAccount")));
        return Html.response(HttpStatus.OK, texts, Html.page(texts, texts.text("login.title"), keep, body));
    }
}
