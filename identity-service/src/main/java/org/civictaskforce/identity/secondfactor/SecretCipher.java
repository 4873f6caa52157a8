package org.civictaskforce.identity.secondfactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a second-factor secret is kept in the account document. With a key ({@code identity.second-factor.encryption-key},
 * 32 bytes, base64): AES-256-GCM, a random 96-bit nonce, the account id as associated data (a secret copied to
 * another account does not decrypt), stored as {@code aes-gcm:<base64(nonce|ciphertext|tag)>}. Without a key:
 * {@code plain:<base64>}. A plain secret stays readable after a key is configured; an encrypted one needs the key.
 */
public final class SecretCipher {
    private static final String ENCRYPTED = "aes-gcm:";
    private static final String PLAIN = "plain:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /** @param base64Key 32 bytes, base64; null or blank: secrets are stored unencrypted */
    public SecretCipher(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            this.key = null;
            return;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("identity.second-factor.encryption-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("identity.second-factor.encryption-key must be 32 bytes (base64), not "
                    + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public boolean encrypts() {
        return key != null;
    }

    public String seal(byte[] secret, String accountId) {
        if (key == null) {
            return PLAIN + Base64.getEncoder().encodeToString(secret);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return ENCRYPTED + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("second-factor secret cannot be encrypted", e);
        }
    }

    public byte[] open(String stored, String accountId) {
        if (stored.startsWith(PLAIN)) {
            return Base64.getDecoder().decode(stored.substring(PLAIN.length()));
        }
        if (!stored.startsWith(ENCRYPTED)) {
            throw new IllegalStateException("unknown second-factor secret format");
        }
        if (key == null) {
            throw new IllegalStateException("a second-factor secret is encrypted but identity.second-factor."
                    + "encryption-key is not set");
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a second-factor secret does not decrypt (other key or other account)");
        }
    }
}
