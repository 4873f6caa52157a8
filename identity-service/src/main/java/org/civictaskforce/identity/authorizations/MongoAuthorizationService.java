package org.civictaskforce.identity.authorizations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Authorizations (codes, access/refresh/ID tokens and the state of a flow in progress) in the
 * {@code authorizations} collection, so that every replica can exchange a code another replica issued and
 * refresh tokens survive a restart.
 *
 * <p>Each document: {@code _id} (authorization id), {@code clientId}, the SHA-256 of each token value
 * ({@code state}, {@code code}, {@code accessToken}, {@code refreshToken}, {@code idToken}) for look-up,
 * {@code expiresAt} (the latest expiry of its tokens; a TTL index removes it on real MongoDB) and the
 * authorization itself, Java-serialised ({@code data}). Deserialisation accepts only JDK, Spring and this
 * service's classes. An authorization that cannot be read back (e.g. after a Spring Security upgrade changed
 * its classes) counts as absent: the person signs in again.
 *
 * <p>The stored authorization holds the principal (the subject id, no username, no password hash: credentials
 * are erased after sign-in) and the token values: protect the database like a secret.
 */
public class MongoAuthorizationService implements OAuth2AuthorizationService {
    public static final String COLLECTION = "authorizations";
    /** How long a flow in progress (no token yet) is kept. */
    private static final Duration PENDING = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(MongoAuthorizationService.class);
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=30;java.base/*;org.springframework.**;org.civictaskforce.identity.**;!*");

    private final MongoTemplate mongo;
    private final Clock clock;

    public MongoAuthorizationService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        for (String field : List.of("state", "code", "accessToken", "refreshToken", "idToken", "principal")) {
            collection().createIndex(Indexes.ascending(field), new IndexOptions().name(field));
        }
        collection().createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("expiry").expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Document document = new Document("_id", authorization.getId())
                .append("clientId", authorization.getRegisteredClientId())
                // the subject (a person or account id): erasure finds the person's authorizations by it
                .append("principal", authorization.getPrincipalName());
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        if (state != null) {
            document.append("state", hash(state));
        }
        put(document, "code", authorization.getToken(OAuth2AuthorizationCode.class));
        put(document, "accessToken", authorization.getAccessToken());
        put(document, "refreshToken", authorization.getRefreshToken());
        put(document, "idToken", authorization.getToken(OidcIdToken.class));
        document.append("expiresAt", Date.from(expiry(authorization)));
        document.append("data", new Binary(serialise(authorization)));
        collection().replaceOne(Filters.eq("_id", authorization.getId()), document, new ReplaceOptions().upsert(true));
    }

    /**
     * Forgets every authorization of these subjects (a person erased, an account deleted): their tokens,
     * session ids and remote addresses go with them. Returns how many were removed.
     */
    public long removeAllOf(String... subjects) {
        List<String> ids = java.util.Arrays.stream(subjects).filter(java.util.Objects::nonNull).toList();
        return ids.isEmpty() ? 0 : collection().deleteMany(Filters.in("principal", ids)).getDeletedCount();
    }

    /**
     * Removes every authorization whose tokens have all expired: what the TTL index does on real MongoDB,
     * for the store used locally, which has none. Nothing outlives the refresh token's lifetime.
     */
    public long removeExpired() {
        return collection().deleteMany(Filters.lt("expiresAt", Date.from(clock.instant()))).getDeletedCount();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        collection().deleteOne(Filters.eq("_id", authorization.getId()));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return read(Filters.eq("_id", id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String hash = hash(token);
        if (tokenType == null) {
            return read(Filters.or(Stream.of("state", "code", "accessToken", "refreshToken", "idToken")
                    .map(field -> Filters.eq(field, hash)).toList()));
        }
        String field = switch (tokenType.getValue()) {
            case OAuth2ParameterNames.STATE -> "state";
            case OAuth2ParameterNames.CODE -> "code";
            case OAuth2ParameterNames.ACCESS_TOKEN -> "accessToken";
            case OAuth2ParameterNames.REFRESH_TOKEN -> "refreshToken";
            case OidcParameterNames.ID_TOKEN -> "idToken";
            default -> null;
        };
        return field == null ? null : read(Filters.eq(field, hash));
    }

    private OAuth2Authorization read(Bson filter) {
        Document document = collection().find(filter).first();
        if (document == null) {
            return null;
        }
        Date expiresAt = document.getDate("expiresAt");
        if (expiresAt != null && expiresAt.toInstant().isBefore(clock.instant())) {
            return null; // TTL removal on MongoDB runs about once a minute; the store used locally has none
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(
                document.get("data", Binary.class).getData()))) {
            in.setObjectInputFilter(ALLOWED);
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            log.warn("authorization {} cannot be read ({}); treated as absent", document.getString("_id"),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static void put(Document document, String field, OAuth2Authorization.Token<? extends OAuth2Token> token) {
        if (token != null) {
            document.append(field, hash(token.getToken().getTokenValue()));
        }
    }

    private Instant expiry(OAuth2Authorization authorization) {
        List<OAuth2Authorization.Token<?>> tokens = new ArrayList<>();
        tokens.add(authorization.getToken(OAuth2AuthorizationCode.class));
        tokens.add(authorization.getAccessToken());
        tokens.add(authorization.getRefreshToken());
        tokens.add(authorization.getToken(OidcIdToken.class));
        return tokens.stream().filter(t -> t != null && t.getToken().getExpiresAt() != null)
                .map(t -> t.getToken().getExpiresAt()).max(Instant::compareTo)
                .orElse(clock.instant().plus(PENDING));
    }

    private static byte[] serialise(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new IllegalStateException("authorization cannot be stored (" + e.getClass().getSimpleName() + ")", e);
        }
        return bytes.toByteArray();
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
