package org.civictaskforce.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.civictaskforce.platform.security.TestTokens;

/**
 * A tiny stand-in for the identity service's token and key endpoints (the browser's visit to the
 * authorize endpoint is played by the test itself): it answers code and refresh-token grants with
 * access tokens the test chose, ID tokens signed with the test key, and records every token request.
 */
final class StubIdentityService {

    record TokenRequest(String authorization, Map<String, String> form) {
    }

    private final HttpServer server;
    private final RSAPrivateKey privateKey = privateKey();
    private final RSAPublicKey publicKey = publicKey();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();

    volatile String subject = "p-7";
    volatile String nonce;
    volatile String accessToken;
    volatile long expiresIn = 300;
    volatile String refreshedAccessToken;

    private StubIdentityService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/oauth2/jwks", this::jwks);
        server.start();
    }

    static StubIdentityService start() {
        try {
            return new StubIdentityService();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    void reset() {
        tokenRequests.clear();
        expiresIn = 300;
        nonce = null;
        subject = "p-7";
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
            tokenRequests.add(new TokenRequest(exchange.getRequestHeaders().getFirst("Authorization"), form));
            String json;
            if ("authorization_code".equals(form.get("grant_type"))) {
                json = """
                        {"access_token":"%s","token_type":"Bearer","expires_in":%d,"refresh_token":"refresh-1",
                         "scope":"openid","id_token":"%s"}""".formatted(accessToken, expiresIn, idToken());
            }
            else if ("refresh_token".equals(form.get("grant_type")) && "refresh-1".equals(form.get("refresh_token"))) {
                json = """
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,"refresh_token":"refresh-1",
                         "scope":"openid"}""".formatted(refreshedAccessToken);
            }
            else {
                send(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            send(exchange, 200, json);
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 200, new JWKSet(new RSAKey.Builder(publicKey).keyID("test").build()).toString());
        }
    }

    private String idToken() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).subject(subject)
                .audience("civic-gateway").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static RSAPrivateKey privateKey() {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pem("/test-jwt/private.pem")));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(pem("/test-jwt/public.pem")));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(String resource) {
        try (InputStream in = StubIdentityService.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
