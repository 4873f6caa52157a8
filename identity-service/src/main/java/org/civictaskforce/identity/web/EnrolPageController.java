package org.civictaskforce.identity.web;

import java.util.Map;

import org.civictaskforce.identity.accounts.Account;
import org.civictaskforce.identity.accounts.UsernameTakenException;
import org.civictaskforce.identity.enrolment.EnrolmentRefusedException;
import org.civictaskforce.identity.enrolment.Enrolments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The enrolment link: {@code GET /enrol?token=…} shows a form (username, password twice; CSRF protected);
 * {@code POST /enrol} creates the account or resets it. A form post gets a page; a JSON post
 * ({@code {"token","username","password"}}) gets 201 {@code {"sub"}} or an RFC 9457 problem.
 */
@Controller
public class EnrolPageController {
    private final Enrolments enrolments;

    public EnrolPageController(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @GetMapping(value = "/enrol", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> form(HttpServletRequest request, @RequestParam(required = false) String token) {
        Enrolments.Check check = enrolments.check(token);
        if (check.state() != Enrolments.State.VALID) {
            return html(HttpStatus.GONE, Html.page("Enrolment", Html.message(Enrolments.message(check.state()), true)));
        }
        String intro = check.existingAccount()
                ? "You already have an account: choose a (new) username and a new password."
                : "Choose a username (a pseudonym is fine) and a password of at least 12 characters.";
        return html(HttpStatus.OK, form(request, token, intro, null));
    }

    @PostMapping(value = "/enrol", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> submit(HttpServletRequest request, @RequestParam(required = false) String token,
            @RequestParam(required = false) String username, @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeat) {
        try {
            enrolments.complete(token, username, password, repeat == null ? "" : repeat);
            return html(HttpStatus.OK, Html.page("Enrolment complete", Html.message(
                    "Your account is ready. You can now sign in with your username and password.", false)
                    + "<p><small>Keep this password only in your head or a password manager.</small></p>"));
        } catch (UsernameTakenException e) {
            return html(HttpStatus.CONFLICT, form(request, token, null, e.getMessage()));
        } catch (EnrolmentRefusedException e) {
            Enrolments.State state = enrolments.check(token).state();
            if (state != Enrolments.State.VALID) {
                return html(HttpStatus.GONE, Html.page("Enrolment", Html.message(Enrolments.message(state), true)));
            }
            return html(HttpStatus.UNPROCESSABLE_CONTENT, form(request, token, null, e.getMessage()));
        }
    }

    /** The same for a client that sends JSON; refusals are problems (422 link or password, 409 username taken). */
    @PostMapping(value = "/enrol", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public ResponseEntity<Map<String, String>> submitJson(@Valid @RequestBody EnrolRequest body) {
        Account account = enrolments.complete(body.token(), body.username(), body.password(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sub", account.subject()));
    }

    public record EnrolRequest(@NotBlank @Size(max = 100) String token, @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 200) String password) {
    }

    private static String form(HttpServletRequest request, String token, String intro, String error) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return Html.page("Enrolment", Html.message(error, true) + (intro == null ? "" : "<p>" + Html.escape(intro) + "</p>")
                + """
                <form method="post" action="enrol">
                <input type="hidden" name="token" value="%s">
                <label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" required minlength="3" maxlength="64">
                <label for="password">Password (at least 12 characters)</label>
                <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12">
                <label for="repeat">Password again</label>
                <input id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength="12">
                %s
                <button type="submit">Create my sign-in</button>
                </form>
                """.formatted(Html.escape(token), Html.csrf(csrf)));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }
}
