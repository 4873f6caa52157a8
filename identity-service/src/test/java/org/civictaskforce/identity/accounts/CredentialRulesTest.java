package org.civictaskforce.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.civictaskforce.identity.membership.Roles;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

    @Test
    void usernamesAreComparedNormalisedAndMayBePseudonymsInAnyScript() {
        assertThat(Usernames.normalise("  Aigerim.K ")).isEqualTo("aigerim.k");
        assertThat(Usernames.normalise("ＡＢＣ")).as("NFKC folds full-width letters").isEqualTo("abc");
        assertThat(Usernames.valid(Usernames.normalise("Тимур_77"))).isTrue();
        assertThat(Usernames.valid("someone@example.org")).isTrue();
        assertThat(Usernames.valid("ab")).isFalse();
        assertThat(Usernames.valid("two words")).isFalse();
        assertThat(Usernames.valid("{\"$gt\":\"\"}")).isFalse();
        assertThat(Usernames.valid("x".repeat(65))).isFalse();
        assertThat(Usernames.normalise(null)).isEmpty();
    }

    @Test
    void passwordsNeedTwelveCharactersAndFitBcrypt() {
        assertThat(Passwords.problem("eleven char", null)).contains("at least 12");
        assertThat(Passwords.problem("twelve chars", null)).isNull();
        assertThat(Passwords.problem("двенадцать б", null)).as("characters, not bytes").isNull();
        assertThat(Passwords.problem("ж".repeat(37), null)).as("74 bytes").contains("too long");
        assertThat(Passwords.problem("twelve chars", "twelve charz")).contains("differ");
        assertThat(Passwords.problem(null, null)).isNotNull();
    }

    @Test
    void tokenRolesAreTheKnownOnesInLowerCase() {
        assertThat(Roles.normalise(List.of("EXPERT", "translator", "Expert", "ADMIN", "root"))).containsExactly("expert",
                "translator");
        assertThat(Roles.normalise(null)).isEmpty();
    }
}
