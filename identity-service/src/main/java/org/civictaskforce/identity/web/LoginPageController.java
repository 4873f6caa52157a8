package org.civictaskforce.identity.web;

import org.civictaskforce.identity.accounts.SignInDetails;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /login}: the sign-in form (posted to {@code /login}, handled by Spring Security). One message for
 * every failure, so the page does not reveal whether a username exists or is locked, or whether the password was
 * right when the one-time code was not. The optional one-time code field goes to {@link SignInDetails}.
 */
@Controller
public class LoginPageController {
    static final String FAILED = "Sign-in failed. Check username, password and, if you set up a second factor, the"
            + " one-time code. After 5 failed attempts the account is locked for 15 minutes.";

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String login(HttpServletRequest request, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = error != null ? Html.message(FAILED, true)
                : logout != null ? Html.message("You have signed out.", false) : "";
        return Html.page("Sign in", message + """
                <form method="post" action="login">
                <label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <label for="%1$s">One-time code <small>(only if you set up a second factor)</small></label>
                <input id="%1$s" name="%1$s" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9 ]*" maxlength="7">
                %2$s
                <button type="submit">Sign in</button>
                </form>
                <p><small>No account yet, forgot your password or lost your authenticator? Ask your coordinator for an enrolment link.</small></p>
                """.formatted(SignInDetails.FIELD, Html.csrf(csrf)));
    }
}
