package org.civictaskforce.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.civictaskforce.identity.accounts.Account;
import org.civictaskforce.identity.accounts.Passwords;
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
 * ({@code {"token","username","password"}}) gets 201 {@code {"sub"}} or an RFC 9457 problem (in English). The pages
 * are in the person's language ({@link PageLanguage}); the form's hidden {@code lang} keeps it across the post.
 */
@Controller
public class EnrolPageController {
    private final Enrolments enrolments;

    public EnrolPageController(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @GetMapping(value = "/enrol", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> form(HttpServletRequest request, @RequestParam(required = false) String token,
            @RequestParam(required = false) String done) {
        PageTexts texts = PageTexts.of(request);
        if (done != null && token == null) {
            // the switcher's links on the "complete" page: the token is used up, so they come here
            return completed(texts);
        }
        Enrolments.Check check = enrolments.check(token);
        if (check.state() != Enrolments.State.VALID) {
            return gone(texts, token, check.state());
        }
        String intro = check.existingAccount() ? texts.text("enrol.intro.existing")
                : texts.text("enrol.intro.new", Passwords.MIN_LENGTH);
        return Html.response(HttpStatus.OK, texts, form(request, texts, token, intro, null, null, null));
    }

    @PostMapping(value = "/enrol", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> submit(HttpServletRequest request, @RequestParam(required = false) String token,
            @RequestParam(required = false) String username, @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeat) {
        PageTexts texts = PageTexts.of(request);
        try {
            enrolments.complete(token, username, password, repeat == null ? "" : repeat);
            return completed(texts);
        } catch (UsernameTakenException e) {
            return Html.response(HttpStatus.CONFLICT, texts,
                    form(request, texts, token, null, texts.text("enrol.error.usernameTaken"), "username", username));
        } catch (EnrolmentRefusedException e) {
            Enrolments.State state = enrolments.check(token).state();
            if (state != Enrolments.State.VALID) {
                return gone(texts, token, state);
            }
            String field = switch (e.reason()) {
                case USERNAME -> "username";
                case PASSWORDS_DIFFER -> "repeat";
                default -> "password";
            };
            return Html.response(HttpStatus.UNPROCESSABLE_CONTENT, texts,
                    form(request, texts, token, null, refusal(texts, e.reason()), field, username));
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

    private static ResponseEntity<String> completed(PageTexts texts) {
        return Html.response(HttpStatus.OK, texts, Html.page(texts, texts.text("enrol.completeTitle"),
                keep("done", null), Html.message(texts.text("enrol.complete"), false)
                        + "<p><small>" + Html.escape(texts.text("enrol.keepPassword")) + "</small></p>\n"));
    }

    /** 410 for an unknown, used or expired link; the switcher keeps the token so the page says the same again. */
    private static ResponseEntity<String> gone(PageTexts texts, String token, Enrolments.State state) {
        String key = switch (state) {
            case USED -> "enrol.link.used";
            case EXPIRED -> "enrol.link.expired";
            default -> "enrol.link.unknown";
        };
        return Html.response(HttpStatus.GONE, texts, Html.page(texts, texts.text("enrol.title"),
                token == null || token.isBlank() || token.length() > 100 ? Map.of() : keep("token", token),
                Html.message(texts.text(key), true)));
    }

    static String refusal(PageTexts texts, EnrolmentRefusedException.Reason reason) {
        return switch (reason) {
            case USERNAME -> texts.text("enrol.error.username");
            case PASSWORD_TOO_SHORT -> texts.text("enrol.error.passwordTooShort", Passwords.MIN_LENGTH);
            case PASSWORD_TOO_LONG -> texts.text("enrol.error.passwordTooLong", Passwords.MAX_BYTES);
            case PASSWORDS_DIFFER -> texts.text("enrol.error.passwordsDiffer");
            case LINK_USED -> texts.text("enrol.link.used");
            case LINK_EXPIRED -> texts.text("enrol.link.expired");
            case LINK_UNKNOWN -> texts.text("enrol.link.unknown");
        };
    }

    /**
     * The form; with an error, the field it concerns ({@code errorField}) points to it and is marked invalid, and
     * the username typed before is filled in again (never a password).
     */
    private static String form(HttpServletRequest request, PageTexts texts, String token, String intro, String error,
            String errorField, String username) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String body = Html.message(error, true) + (intro == null ? "" : "<p>" + Html.escape(intro) + "</p>\n")
                + """
                <form method="post" action="enrol">
                <input type="hidden" name="token" value="%s">
                <label for="username">%s</label>
                <input id="username" name="username" autocomplete="username" required minlength="3" maxlength="64"%s%s>
                <label for="password">%s</label>
                <input id="password" name="password" type="password" autocomplete="new-password" required minlength="12"%s>
                <label for="repeat">%s</label>
                <input id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength="12"%s>
                %s
                <button type="submit">%s</button>
                </form>
                """.formatted(Html.escape(token), Html.escape(texts.text("enrol.username")),
                        username == null || username.isEmpty() ? "" : " value=\"" + Html.escape(username) + "\"",
                        invalid(error, errorField, "username"),
                        Html.escape(texts.text("enrol.password", Passwords.MIN_LENGTH)),
                        invalid(error, errorField, "password"), Html.escape(texts.text("enrol.repeat")),
                        invalid(error, errorField, "repeat"), Html.csrf(csrf) + Html.languageField(texts),
                        Html.escape(texts.text("enrol.submit")));
        return Html.page(texts, texts.text("enrol.title"), keep("token", token), body);
    }

    private static String invalid(String error, String errorField, String field) {
        return error != null && field.equals(errorField) ? " aria-invalid=\"true\"" + Html.describedBy(true) : "";
    }

    private static Map<String, String> keep(String name, String value) {
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put(name, value);
        return keep;
    }
}
