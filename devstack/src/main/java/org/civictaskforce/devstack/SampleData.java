package org.civictaskforce.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the sample people THROUGH THE GATEWAY, once: when {@code GET /api/membership/people?size=1}
 * already reports people ({@code page.totalElements > 0}) nothing is done. Each person from
 * {@code sample-data/people.json} is created with {@code POST /api/membership/people}; those marked
 * {@code "invite": true} are then invited with {@code POST /api/membership/people/{id}/invitations}.
 * Problems (API missing, sign-in required) are reported as warnings, never thrown.
 */
public class SampleData {

    private static final Logger log = LoggerFactory.getLogger(SampleData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PEOPLE_RESOURCE = "/sample-data/people.json";
    public static final String PEOPLE_PATH = "/api/membership/people";

    /**
     * What happened.
     *
     * @param created        people created now
     * @param alreadyPresent people the API said exist already (409)
     * @param invited        invitations sent now
     * @param skipped        true when nothing was attempted (data present, or API not reachable)
     * @param warnings       human-readable problems
     */
    public record Result(int created, int alreadyPresent, int invited, boolean skipped, List<String> warnings) {

        public String summary() {
            if (skipped && warnings.isEmpty()) {
                return "sample data already present — nothing loaded";
            }
            String base = "sample data: " + created + " people created, " + invited + " invited"
                    + (alreadyPresent > 0 ? ", " + alreadyPresent + " already present" : "");
            return warnings.isEmpty() ? base : base + " (" + warnings.size() + " warning(s))";
        }
    }

    private final String gatewayUrl;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Consumer<String> warningSink = msg -> log.warn(msg);

    /** @param gatewayUrl e.g. {@code http://localhost:8080} */
    public SampleData(String gatewayUrl) {
        this(gatewayUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public SampleData(String gatewayUrl, HttpClient client) {
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.client = client;
    }

    /** A header for every request, e.g. {@code Authorization: Bearer …} when the gateway requires sign-in. */
    public SampleData header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Where warnings go (besides the returned {@link Result}); default: the log. */
    public SampleData onWarning(Consumer<String> sink) {
        this.warningSink = sink;
        return this;
    }

    /** The sample people as they are sent (without the {@code invite} flag), in file order. */
    public static List<ObjectNode> people() {
        List<ObjectNode> people = new ArrayList<>();
        for (JsonNode person : peopleFile().path("people")) {
            ObjectNode body = (ObjectNode) person.deepCopy();
            body.remove("invite");
            people.add(body);
        }
        return people;
    }

    private static JsonNode peopleFile() {
        try (InputStream in = SampleData.class.getResourceAsStream(PEOPLE_RESOURCE)) {
            if (in == null) {
                throw new DevstackException("missing resource " + PEOPLE_RESOURCE);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new DevstackException("cannot read " + PEOPLE_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Loads the sample data unless some people exist already. Never throws for HTTP problems. */
    public Result load() {
        List<String> warnings = new ArrayList<>();
        String listUrl = gatewayUrl + PEOPLE_PATH + "?size=1";
        HttpResponse<String> existing;
        try {
            existing = send(HttpRequest.newBuilder(URI.create(listUrl)).GET());
        } catch (IOException e) {
            return warn(warnings, "sample data not loaded: GET " + listUrl + " failed: " + e, 0, 0, 0);
        }
        int status = existing.statusCode();
        if (status == 404) {
            return warn(warnings, "sample data not loaded: the membership API is not there yet (GET " + listUrl
                    + " answered 404)", 0, 0, 0);
        }
        if (status == 401 || status == 403) {
            return warn(warnings, "sample data not loaded: the gateway refused the request (" + status
                    + "); the loader's sign-in was not accepted", 0, 0, 0);
        }
        if (status != 200) {
            return warn(warnings, "sample data not loaded: GET " + listUrl + " answered " + status + " "
                    + abbreviate(existing.body()), 0, 0, 0);
        }
        long total;
        try {
            total = JSON.readTree(existing.body()).path("page").path("totalElements").asLong(0);
        } catch (JacksonException e) {
            return warn(warnings, "sample data not loaded: GET " + listUrl + " did not answer a page: "
                    + abbreviate(existing.body()), 0, 0, 0);
        }
        if (total > 0) {
            log.info("sample data skipped: {} people exist already", total);
            return new Result(0, 0, 0, true, List.of());
        }

        int created = 0;
        int present = 0;
        int invited = 0;
        List<String> toInvite = new ArrayList<>();
        for (JsonNode person : peopleFile().path("people")) {
            ObjectNode body = (ObjectNode) person.deepCopy();
            boolean invite = body.path("invite").asBoolean(false);
            body.remove("invite");
            String email = body.path("email").asString("");
            HttpResponse<String> response;
            try {
                response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + PEOPLE_PATH))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            } catch (IOException e) {
                warning(warnings, "creating sample person " + email + " failed: " + e);
                continue;
            }
            if (response.statusCode() == 404) {
                warning(warnings, "the membership API cannot create people yet (POST " + PEOPLE_PATH
                        + " answered 404); sample data stopped");
                return new Result(created, present, invited, created == 0, List.copyOf(warnings));
            }
            if (response.statusCode() == 409) {
                present++;
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                warning(warnings, "creating sample person " + email + " answered " + response.statusCode() + " "
                        + abbreviate(response.body()));
                continue;
            }
            created++;
            String id = idOf(response);
            if (invite && id != null) {
                toInvite.add(id);
            } else if (invite) {
                warning(warnings, "created " + email + " but the answer had no id; not invited");
            }
        }
        for (String id : toInvite) {
            String url = gatewayUrl + PEOPLE_PATH + "/" + id + "/invitations";
            try {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.noBody()));
                if (response.statusCode() / 100 == 2) {
                    invited++;
                } else {
                    warning(warnings, "inviting " + id + " answered " + response.statusCode() + " "
                            + abbreviate(response.body()));
                }
            } catch (IOException e) {
                warning(warnings, "inviting " + id + " failed: " + e);
            }
        }
        Result result = new Result(created, present, invited, false, List.copyOf(warnings));
        log.info(result.summary());
        return result;
    }

    private static String idOf(HttpResponse<String> response) {
        try {
            JsonNode id = JSON.readTree(response.body()).path("id");
            if (!id.isMissingNode() && !id.isNull() && !id.asString("").isBlank()) {
                return id.asString();
            }
        } catch (JacksonException e) {
            // fall back to the Location header
        }
        return response.headers().firstValue("Location")
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .filter(s -> !s.isBlank())
                .orElse(null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        request.timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private Result warn(List<String> warnings, String message, int created, int present, int invited) {
        warning(warnings, message);
        return new Result(created, present, invited, true, List.copyOf(warnings));
    }

    private void warning(List<String> warnings, String message) {
        warnings.add(message);
        warningSink.accept(message);
    }

    private static String abbreviate(String s) {
        String oneLine = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
