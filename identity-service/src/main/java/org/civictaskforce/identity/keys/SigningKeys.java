package org.civictaskforce.identity.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The token signing key: RSA 2048, generated once and kept in the {@code signing_keys} collection under a
 * fixed id, so every replica and every restart signs with (and publishes) the same key and tokens already
 * issued stay valid. Two replicas starting at once both try to insert; the loser reads the winner's key.
 *
 * <p>The private key is never logged. It is stored unencrypted in the service's own database: protect that
 * database (and its backups) as a secret. Rotation is not implemented yet (see the README).
 */
public class SigningKeys {
    public static final String COLLECTION = "signing_keys";
    public static final String CURRENT = "current";

    private final MongoTemplate mongo;
    private final Clock clock;

    public SigningKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The stored key, creating it first if there is none. */
    public RSAKey current() {
        Document stored = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
        if (stored == null) {
            Document fresh = generate();
            try {
                mongo.getCollection(COLLECTION).insertOne(fresh);
                stored = fresh;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                stored = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                stored = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
            }
        }
        if (stored == null) {
            throw new IllegalStateException("the signing key could neither be stored nor read");
        }
        return toJwk(stored);
    }

    private Document generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Document("_id", CURRENT)
                    .append("kid", UUID.randomUUID().toString())
                    .append("algorithm", "RS256")
                    .append("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
                    .append("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                    .append("createdAt", Date.from(clock.instant()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static RSAKey toJwk(Document stored) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(stored.getString("publicKey"))));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.getString("privateKey"))));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(stored.getString("kid"))
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | RuntimeException e) {
            // never the key material in the message
            throw new IllegalStateException("the stored signing key cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
