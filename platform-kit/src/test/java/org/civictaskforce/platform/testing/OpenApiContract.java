package org.civictaskforce.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's OpenAPI document is a contract: the web client's types are generated from the committed
 * copy in {@code web-client/openapi/<name>.json}. A service's test calls {@link #assertMatchesCommitted} on
 * its running server; it fails when the served document and the committed one differ, and says how to
 * refresh the file ({@code -Dopenapi.write=true} rewrites it, then {@code npm run api:types} in web-client).
 * The file is pretty-printed with sorted keys, so its diffs are readable and stable.
 */
public final class OpenApiContract {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private OpenApiContract() {
    }

    /** Fetches {@code /v3/api-docs} from the server on {@code port} and compares it with the committed file. */
    public static void assertMatchesCommitted(int port, String name) {
        JsonNode served = JSON.readTree(fetch("http://localhost:" + port + "/v3/api-docs"));
        Path file = committedFile(name);
        String text = JSON.writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            write(file, text);
        }
        assertThat(Files.exists(file))
                .as("%s is missing: run this test with -Dopenapi.write=true to write it", file)
                .isTrue();
        JsonNode committed = JSON.readTree(read(file));
        List<String> differences = new ArrayList<>();
        differences("", served, committed, differences);
        assertThat(differences)
                .as("The %s service's OpenAPI document differs from %s (the contract the web client is generated "
                        + "from) at these JSON pointers. If the change is meant, run this test with "
                        + "-Dopenapi.write=true, then `npm run api:types` in web-client, and commit both.", name, file)
                .isEmpty();
    }

    /** Where two documents differ (JSON pointers, at most 20), object keys in any order. */
    static void differences(String pointer, JsonNode served, JsonNode committed, List<String> out) {
        if (out.size() >= 20 || served.equals(committed)) {
            return;
        }
        if (served.isObject() && committed.isObject()) {
            Set<String> names = new TreeSet<>(served.propertyNames());
            names.addAll(committed.propertyNames());
            for (String property : names) {
                String at = pointer + "/" + property.replace("~", "~0").replace("/", "~1");
                if (!served.has(property) || !committed.has(property)) {
                    out.add(at + (served.has(property) ? " (only served)" : " (only committed)"));
                } else {
                    differences(at, served.get(property), committed.get(property), out);
                }
            }
        } else if (served.isArray() && committed.isArray() && served.size() == committed.size()) {
            for (int i = 0; i < served.size(); i++) {
                differences(pointer + "/" + i, served.get(i), committed.get(i), out);
            }
        } else {
            out.add(pointer + ": served " + abbreviated(served) + ", committed " + abbreviated(committed));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /** {@code web-client/openapi/<name>.json} in the repository this module belongs to. */
    public static Path committedFile(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("web-client"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no web-client folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("web-client").resolve("openapi").resolve(name + ".json");
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
