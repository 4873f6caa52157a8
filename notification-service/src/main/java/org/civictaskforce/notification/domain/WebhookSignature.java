package org.civictaskforce.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a subscriber checks: header {@code X-Civic-Signature: t=<unix seconds>,v1=<hex>} where
 * {@code v1} is HMAC-SHA256 with the subscriber's secret over {@code <t>.<raw body>}. The timestamp inside
 * the signed text lets the subscriber refuse replays older than a few minutes.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Civic-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long epochSeconds, String body) {
        return "t=" + epochSeconds + ",v1=" + hmacSha256Hex(secret, epochSeconds + "." + body);
    }

    public static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
