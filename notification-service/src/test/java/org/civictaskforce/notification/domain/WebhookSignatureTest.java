package org.civictaskforce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        assertThat(WebhookSignature.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theHeaderSignsTimestampAndBodyTogether() {
        String header = WebhookSignature.header("s3cret-s3cret-s3cret", 1_790_000_000L, "{\"a\":1}");
        assertThat(header).isEqualTo("t=1790000000,v1="
                + WebhookSignature.hmacSha256Hex("s3cret-s3cret-s3cret", "1790000000.{\"a\":1}"));
        assertThat(WebhookSignature.header("s3cret-s3cret-s3cret", 1_790_000_001L, "{\"a\":1}")).isNotEqualTo(header);
        assertThat(WebhookSignature.header("another-secret-x", 1_790_000_000L, "{\"a\":1}")).isNotEqualTo(header);
    }
}
