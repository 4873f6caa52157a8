package org.civictaskforce.systemtests.journey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code /actuator/prometheus} text, read once: each sample by {@code name{labels}}. */
final class PrometheusMetrics {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} ([0-9.Ee+-]+)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, Double> samples;

    private PrometheusMetrics(Map<String, Double> samples) {
        this.samples = samples;
    }

    /** The samples at {@code url}; none when the service does not answer. */
    static PrometheusMetrics of(String url) {
        Map<String, Double> values = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String line : response.body().split("\n")) {
                Matcher m = SAMPLE.matcher(line.trim());
                if (m.matches()) {
                    values.put(m.group(1) + "{" + m.group(2) + "}", Double.parseDouble(m.group(3)));
                }
            }
        } catch (Exception e) {
            // no samples
        }
        return new PrometheusMetrics(values);
    }

    /** The sum of the samples of metric {@code name} whose labels contain {@code label} ("" for all). */
    double sum(String name, String label) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
