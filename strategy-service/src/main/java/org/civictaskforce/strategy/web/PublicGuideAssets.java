package org.civictaskforce.strategy.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The stylesheet, the script and the service worker of the public guide pages ({@code guide-page/} on the class
 * path), read once. The pages link the stylesheet and script with a hash of their content ({@code ?v=}), so a browser
 * may keep them for a year and still gets a changed one at once.
 */
@Component
class PublicGuideAssets {
    record Asset(byte[] content, String version) {
    }

    private final Asset stylesheet = read("guide.css");
    private final Asset script = read("guide.js");
    private final Asset serviceWorker = read("sw.js");

    Asset stylesheet() {
        return stylesheet;
    }

    Asset script() {
        return script;
    }

    Asset serviceWorker() {
        return serviceWorker;
    }

    String stylesheetHref() {
        return "/guide/guide.css?v=" + stylesheet.version();
    }

    String scriptHref() {
        return "/guide/guide.js?v=" + script.version();
    }

    static String hash(byte[] content, int hexDigits) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Asset read(String name) {
        try (InputStream in = new ClassPathResource("guide-page/" + name).getInputStream()) {
            byte[] content = in.readAllBytes();
            return new Asset(content, hash(content, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
