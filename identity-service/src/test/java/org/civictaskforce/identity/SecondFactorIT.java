package org.civictaskforce.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civictaskforce.identity.IdentityTestSupport.call;
import static org.civictaskforce.identity.IdentityTestSupport.json;
import static org.civictaskforce.identity.IdentityTestSupport.problem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.civictaskforce.identity.AuthorizationCodeFlow.Browser;
import org.civictaskforce.identity.AuthorizationCodeFlow.Tokens;
import org.civictaskforce.identity.audit.IdentityAudit;
import org.civictaskforce.identity.secondfactor.Totp;
import org.civictaskforce.platform.audit.AuditLog;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;

/**
 * The opt-in second factor through HTTP: set-up and confirmation, sign-in with and without a code (the whole
 * authorization-code flow), replay, removal, lockout, recovery by a new enrolment link, audit and logs.
 */
class SecondFactorIT extends IdentityIntegrationTestBase {
    private static final String PASSWORD = "correct horse battery";
    private static final String API = "/api/identity/me/second-factor";

    /** A member with an account and a confirmed second factor. */
    record Member(String personId, String username, String accountId, byte[] secret, Tokens tokens) {
    }

    Member member(String prefix) {
        String personId = UUID.randomUUID().toString();
        String username = prefix + "." + personId.substring(0, 8);
        Tokens tokens = enrolAndSignIn(coordinatorToken(), personId, username);
        String accountId = mongo.getCollection("accounts").find(Filters.eq("personId", personId)).first()
                .getString("_id");
        return new Member(personId, username, accountId, null, tokens);
    }

    Member withSecondFactor(String prefix) {
        Member member = member(prefix);
        byte[] secret = base32(json(call("POST", base + API, member.tokens().accessToken(), null)).get("secret")
                .asString());
        HttpResponse<String> confirmed = call("POST", base + API + "/confirm", member.tokens().accessToken(),
                confirm(currentCode(secret)));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        nextStep();
        return new Member(member.personId(), member.username(), member.accountId(), secret, member.tokens());
    }

    /** The body that confirms a pending second factor: the code and the account's password. */
    static String confirm(String code) {
        return "{\"code\":\"" + code + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    String currentCode(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()), 6);
    }

    /** Moves the clock to the next time step, so the code of the last one used is not simply replayed. */
    void nextStep() {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    @Test
    void setUpConfirmThenSignInNeedsTheRightCodeOnce() {
        Member member = member("totp");
        String bearer = member.tokens().accessToken();

        HttpResponse<String> created = call("POST", base + API, bearer, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String secret = json(created).get("secret").asString();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(json(created).get("otpauthUri").asString()).isEqualTo("otpauth://totp/Civic%20Taskforce:"
                + member.personId() + "?secret=" + secret + "&issuer=Civic%20Taskforce");
        // calling again replaces the pending one
        String replaced = json(call("POST", base + API, bearer, null)).get("secret").asString();
        assertThat(replaced).isNotEqualTo(secret);
        Document stored = mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first();
        assertThat(stored.get("secondFactor", Document.class).getString("secret")).as("encrypted at rest")
                .startsWith("aes-gcm:");
        assertThat(stored.toJson()).doesNotContain(replaced).doesNotContain(
                java.util.Base64.getEncoder().encodeToString(base32(replaced)));
        // pending: not yet required
        assertThat(flow.authorize(member.username(), PASSWORD).succeeded()).isTrue();
        // the first secret no longer counts
        problem(call("POST", base + API + "/confirm", bearer, confirm(currentCode(base32(secret)))),
                422, "/problems/domain-rule");
        problem(call("POST", base + API + "/confirm", bearer, confirm("12345")), 422, "/problems/domain-rule");
        problem(call("POST", base + API + "/confirm", bearer, "{}"), 422, "/problems/validation");

        byte[] key = base32(replaced);
        assertThat(call("POST", base + API + "/confirm", bearer, confirm(currentCode(key)))
                .statusCode()).isEqualTo(200);
        problem(call("POST", base + API, bearer, null), 409, "/problems/conflict");
        problem(call("POST", base + API + "/confirm", bearer, confirm(currentCode(key))), 409,
                "/problems/conflict");
        nextStep();

        // required from now on: no code, a wrong code – the same failure as a wrong password
        var noCode = flow.authorize(member.username(), PASSWORD);
        assertThat(noCode.succeeded()).isFalse();
        assertThat(noCode.failure()).isEqualTo("sign-in refused");
        String right = currentCode(key);
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        assertThat(flow.authorize(member.username(), PASSWORD, wrong).failure()).isEqualTo("sign-in refused");
        assertThat(flow.authorize(member.username(), "wrong password!", right).failure()).isEqualTo("sign-in refused");

        Tokens tokens = flow.signIn(member.username(), PASSWORD, right);
        assertThat(AuthorizationCodeFlow.claims(tokens.accessToken()).get("sub").asString()).isEqualTo(member.personId());
        assertThat(json(call("GET", base + "/api/identity/me", tokens.accessToken(), null)).get("sub").asString())
                .isEqualTo(member.personId());
        assertThat(mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first()
                .getInteger("failedAttempts")).isZero();
        // a code works once, also with the code typed with a space
        assertThat(flow.authorize(member.username(), PASSWORD, right).succeeded()).as("replay").isFalse();
        assertThat(flow.authorize(member.username(), PASSWORD, right.substring(0, 3) + " " + right.substring(3))
                .succeeded()).isFalse();
        nextStep();
        assertThat(flow.authorize(member.username(), PASSWORD, currentCode(key).substring(0, 3) + " "
                + currentCode(key).substring(3)).succeeded()).isTrue();

        assertThat(audits(IdentityAudit.SECOND_FACTOR_ENABLED, member.accountId())).isEqualTo(1);
        assertThat(audits(IdentityAudit.SECOND_FACTOR_FAILED, member.accountId()))
                .as("no code, wrong code, replay twice").isEqualTo(4);
        assertThat(mongo.getCollection(AuditLog.COLLECTION).find().into(new ArrayList<>()).toString())
                .doesNotContainIgnoringCase(member.username()).doesNotContain(replaced).doesNotContain(right);
    }

    @Test
    void removingTheSecondFactorNeedsACurrentCode() {
        Member member = withSecondFactor("remove");
        String bearer = member.tokens().accessToken();

        problem(call("DELETE", base + API, bearer, "{\"code\":\"000000x\"}"), 422, "/problems/domain-rule");
        problem(call("DELETE", base + API, bearer, null), 400, "/problems/validation");
        HttpResponse<String> removed = new Browser().send(HttpRequest.newBuilder(URI.create(base + API))
                .header("Authorization", "Bearer " + bearer).header("X-One-Time-Code", currentCode(member.secret()))
                .DELETE().build());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        problem(call("DELETE", base + API, bearer, "{\"code\":\"" + currentCode(member.secret()) + "\"}"), 404,
                "/problems/not-found");
        assertThat(flow.authorize(member.username(), PASSWORD).succeeded()).as("no code needed any more").isTrue();
        assertThat(flow.authorize(member.username(), PASSWORD, "").succeeded())
                .as("an empty field, as a browser sends it, is fine without a second factor").isTrue();
        assertThat(audits(IdentityAudit.SECOND_FACTOR_DISABLED, member.accountId())).isEqualTo(1);

        // with the code in the body
        byte[] again = base32(json(call("POST", base + API, bearer, null)).get("secret").asString());
        assertThat(call("POST", base + API + "/confirm", bearer, confirm(currentCode(again)))
                .statusCode()).isEqualTo(200);
        nextStep();
        assertThat(call("DELETE", base + API, bearer, "{\"code\":\"" + currentCode(again) + "\"}").statusCode())
                .isEqualTo(204);
        assertThat(audits(IdentityAudit.SECOND_FACTOR_DISABLED, member.accountId())).isEqualTo(2);
    }

    @Test
    void turningItOnNeedsThePasswordAsWellAsTheToken() {
        Member member = member("stolen");
        String bearer = member.tokens().accessToken();
        byte[] key = base32(json(call("POST", base + API, bearer, null)).get("secret").asString());

        problem(call("POST", base + API + "/confirm", bearer, "{\"code\":\"" + currentCode(key) + "\"}"), 422,
                "/problems/validation");
        problem(call("POST", base + API + "/confirm", bearer, "{\"code\":\"" + currentCode(key)
                + "\",\"password\":\"not the password\"}"), 422, "/problems/domain-rule");
        assertThat(mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first()
                .getInteger("failedAttempts", 0)).as("a wrong password counts toward the lockout").isEqualTo(1);
        assertThat(flow.authorize(member.username(), PASSWORD).succeeded()).as("still not required").isTrue();

        assertThat(call("POST", base + API + "/confirm", bearer, confirm(currentCode(key))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordsWithNothingPendingCannotLockTheOwnerOut() {
        // what a stolen access token could do before: five wrong passwords on confirm locked the account
        Member member = member("nopending");
        String bearer = member.tokens().accessToken();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = call("POST", base + API + "/confirm", bearer,
                    "{\"code\":\"123456\",\"password\":\"wrong password " + i + "\"}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        Document account = mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first();
        assertThat(account.getInteger("failedAttempts", 0)).isZero();
        assertThat(account.getDate("lockedUntil")).isNull();
        assertThat(flow.authorize(member.username(), PASSWORD).succeeded()).as("the owner still signs in").isTrue();

        // nor when the second factor is already active
        Member active = withSecondFactor("alreadyactive");
        for (int i = 0; i < 5; i++) {
            problem(call("POST", base + API + "/confirm", active.tokens().accessToken(),
                    "{\"code\":\"123456\",\"password\":\"wrong\"}"), 409, "/problems/conflict");
        }
        assertThat(mongo.getCollection("accounts").find(Filters.eq("_id", active.accountId())).first()
                .getInteger("failedAttempts", 0)).isZero();
    }

    @Test
    void theActuatorBeyondHealthAndMetricsIsForCoordinatorsOnly() {
        // before: any signed-in page session read /actuator, /actuator/metrics and /actuator/info
        Member member = member("actuator");
        for (String path : java.util.List.of("/actuator", "/actuator/metrics", "/actuator/info")) {
            problem(call("GET", base + path, null, null), 401, "/problems/unauthenticated");
            problem(call("GET", base + path, member.tokens().accessToken(), null), 403, "/problems/forbidden");
            assertThat(call("GET", base + path, coordinatorToken(), null).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(call("GET", base + "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theEndpointsNeedAToken() {
        problem(call("POST", base + API, null, null), 401, "/problems/unauthenticated");
        problem(call("POST", base + API + "/confirm", null, "{\"code\":\"123456\"}"), 401, "/problems/unauthenticated");
        problem(call("DELETE", base + API, null, "{\"code\":\"123456\"}"), 401, "/problems/unauthenticated");
        problem(call("DELETE", base + API, "not.a.token", "{\"code\":\"123456\"}"), 401, "/problems/unauthenticated");
    }

    @Test
    void theStatusSaysWhatAppliesAndRecoveryCodesSignInOnceEach() {
        Member member = member("recovery");
        String bearer = member.tokens().accessToken();
        HttpResponse<String> off = call("GET", base + API, bearer, null);
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(json(off).get("state").asString()).isEqualTo("OFF");
        byte[] key = base32(json(call("POST", base + API, bearer, null)).get("secret").asString());
        assertThat(json(call("GET", base + API, bearer, null)).get("state").asString()).isEqualTo("PENDING");

        HttpResponse<String> confirmed = call("POST", base + API + "/confirm", bearer, confirm(currentCode(key)));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.headers().firstValue("Cache-Control")).hasValue("no-store");
        List<String> codes = new ArrayList<>();
        json(confirmed).get("recoveryCodes").forEach(code -> codes.add(code.asString()));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("([A-HJ-NP-Z2-9]{4}-){3}[A-HJ-NP-Z2-9]{4}"));
        JsonNode on = json(call("GET", base + API, bearer, null));
        assertThat(on.get("state").asString()).isEqualTo("ON");
        assertThat(on.get("recoveryCodesLeft").asInt()).isEqualTo(10);
        assertThat(mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first().toJson())
                .as("only hashes are stored").doesNotContain(codes.get(0)).doesNotContain(codes.get(0).replace("-", ""));
        nextStep();

        // a recovery code instead of the app's code, typed in lower case without dashes: once
        String typed = codes.get(3).replace("-", "").toLowerCase(java.util.Locale.ROOT);
        assertThat(flow.authorize(member.username(), PASSWORD, typed).succeeded()).isTrue();
        assertThat(flow.authorize(member.username(), PASSWORD, codes.get(3)).succeeded()).as("used up").isFalse();
        assertThat(flow.authorize(member.username(), PASSWORD, "AAAA-BBBB-CCCC-DDDD").succeeded()).isFalse();
        assertThat(json(call("GET", base + API, bearer, null)).get("recoveryCodesLeft").asInt()).isEqualTo(9);
        assertThat(audits(IdentityAudit.RECOVERY_CODE_USED, member.accountId())).isEqualTo(1);

        // new codes need a current code from the app; the old ones stop working
        problem(call("POST", base + API + "/recovery-codes", bearer, "{\"code\":\"000000\"}"), 422,
                "/problems/domain-rule");
        HttpResponse<String> renewed = call("POST", base + API + "/recovery-codes", bearer,
                "{\"code\":\"" + currentCode(key) + "\"}");
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(json(renewed).get("recoveryCodes").size()).isEqualTo(10);
        assertThat(json(renewed).get("recoveryCodes").toString()).doesNotContain(codes.get(0));
        assertThat(flow.authorize(member.username(), PASSWORD, codes.get(0)).succeeded()).as("replaced").isFalse();
        assertThat(flow.authorize(member.username(), PASSWORD, json(renewed).get("recoveryCodes").get(0).asString())
                .succeeded()).isTrue();
    }

    @Test
    void wrongCodesCountTowardTheLockout() {
        Member member = withSecondFactor("lockout");
        for (int i = 0; i < 5; i++) {
            assertThat(flow.authorize(member.username(), PASSWORD, "000000").succeeded()).isFalse();
        }
        Document account = mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first();
        assertThat(account.getDate("lockedUntil").toInstant()).isAfter(clock.instant().plus(Duration.ofMinutes(14)));
        assertThat(audits(IdentityAudit.ACCOUNT_LOCKED, member.accountId())).isEqualTo(1);
        assertThat(flow.authorize(member.username(), PASSWORD, currentCode(member.secret())).succeeded())
                .as("locked: even password and code are refused").isFalse();
        // nor can a stolen token remove the second factor while the account is locked
        problem(call("DELETE", base + API, member.tokens().accessToken(), "{\"code\":\"" + currentCode(member.secret())
                + "\"}"), 422, "/problems/domain-rule");

        clock.advance(Duration.ofMinutes(16));
        assertThat(flow.authorize(member.username(), PASSWORD, currentCode(member.secret())).succeeded()).isTrue();
    }

    @Test
    void wrongCodesThroughTheApiCountTowardTheLockoutToo() {
        Member member = withSecondFactor("guess");
        for (int i = 0; i < 5; i++) {
            problem(call("DELETE", base + API, member.tokens().accessToken(), "{\"code\":\"00000" + i + "\"}"), 422,
                    "/problems/domain-rule");
        }
        assertThat(mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first()
                .getDate("lockedUntil")).isNotNull();
        assertThat(flow.authorize(member.username(), PASSWORD, currentCode(member.secret())).succeeded()).isFalse();
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void aNewEnrolmentLinkRemovesTheSecondFactor() {
        Member member = withSecondFactor("recover");
        String token = tokenOf(issue(coordinatorToken(), member.personId()));
        HttpResponse<String> reset = call("POST", base + "/enrol", null, "{\"token\":\"" + token
                + "\",\"username\":\"" + member.username() + "\",\"password\":\"a brand new password\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(201);

        assertThat(mongo.getCollection("accounts").find(Filters.eq("_id", member.accountId())).first()
                .get("secondFactor")).isNull();
        Tokens tokens = flow.signIn(member.username(), "a brand new password");
        assertThat(AuthorizationCodeFlow.claims(tokens.accessToken()).get("sub").asString()).isEqualTo(member.personId());
        assertThat(audits(IdentityAudit.SECOND_FACTOR_DISABLED, member.accountId())).isEqualTo(1);
        problem(call("DELETE", base + API, tokens.accessToken(), "{\"code\":\"123456\"}"), 404, "/problems/not-found");
    }

    @Test
    void theLoginPageHasAnOptionalOneTimeCodeField() {
        String page = new Browser().get(base + "/login").body();
        // the app's six digits or a recovery code (letters and dashes): no digits-only pattern
        assertThat(page).contains("name=\"otp\"").contains("autocomplete=\"one-time-code\"")
                .contains("maxlength=\"24\"").doesNotContain("pattern=\"[0-9 ]*\"");
        assertThat(page.substring(page.indexOf("name=\"otp\""))).doesNotStartWith("name=\"otp\" required");
    }

    @Test
    void noSecretOrCodeReachesTheLogs() {
        try (CapturedLogs logs = CapturedLogs.start()) {
            List<String> logged = logs.lines();
            Member member = withSecondFactor("quiet");
            String code = currentCode(member.secret());
            flow.signIn(member.username(), PASSWORD, code);
            flow.authorize(member.username(), PASSWORD, code);
            assertThat(logged).anyMatch(line -> line.contains("second factor enabled"));
            assertThat(String.join("\n", logged)).doesNotContainIgnoringCase(member.username())
                    .doesNotContain(code).doesNotContain(PASSWORD)
                    .doesNotContain(org.civictaskforce.identity.secondfactor.Base32.encode(member.secret()));
        }
    }

    long audits(String type, String subject) {
        return mongo.getCollection(AuditLog.COLLECTION).countDocuments(Filters.and(Filters.eq("type", type),
                Filters.eq("subject", subject)));
    }

    /** What an authenticator app does with the secret. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
