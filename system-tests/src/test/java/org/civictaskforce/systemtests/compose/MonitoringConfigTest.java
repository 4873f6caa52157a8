package org.civictaskforce.systemtests.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring that ships with the system (deploy/monitoring): Prometheus's configuration and alert rules pass
 * {@code promtool} (Debian's prometheus package; CI installs it, and without it this test fails on CI and is skipped
 * elsewhere), the rules' own unit tests pass (each alert fires on the series that should raise it), the scrape
 * configuration finds every application service of docker-compose.yml on its port, and the Grafana dashboard asks
 * the provisioned data source.
 */
class MonitoringConfigTest {
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9_]*_(?:total|seconds|bytes|bucket|count|lag|documents))\\b");

    private static Path root;
    private static Path monitoring;

    @BeforeAll
    static void locate() {
        root = RepositoryFiles.root();
        monitoring = root.resolve("deploy/monitoring");
    }

    @Test
    @DisplayName("promtool accepts the Prometheus configuration and the alert rules, and the rules' unit tests pass")
    void promtoolChecksTheConfigurationTheRulesAndTheirTests() throws Exception {
        Path prometheus = monitoring.resolve("prometheus");
        assertThat(promtool(prometheus, "check", "config", "prometheus.yml")).contains("SUCCESS");
        assertThat(promtool(prometheus, "check", "rules", "alert-rules.yml")).contains("SUCCESS");
        String tests = promtool(prometheus, "test", "rules", "alert-rules-test.yml");
        assertThat(tests).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    @DisplayName("every alert rule is exercised by a unit test")
    void everyAlertHasAUnitTest() {
        TreeSet<String> alerts = new TreeSet<>();
        for (JsonNode group : RepositoryFiles.readYaml(monitoring.resolve("prometheus/alert-rules.yml")).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(rule.path("alert").asString());
            }
        }
        TreeSet<String> tested = new TreeSet<>();
        for (JsonNode test : RepositoryFiles.readYaml(monitoring.resolve("prometheus/alert-rules-test.yml")).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                tested.add(check.path("alertname").asString());
            }
        }
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(8);
        assertThat(tested).containsAll(alerts);
    }

    @Test
    @DisplayName("Prometheus scrapes every application service of docker-compose.yml on its SERVER_PORT")
    void prometheusScrapesEveryApplicationService() {
        ComposeFile compose = ComposeFile.read(root.resolve("docker-compose.yml"));
        Map<String, Integer> scraped = new HashMap<>();
        JsonNode config = RepositoryFiles.readYaml(monitoring.resolve("prometheus/prometheus.yml"));
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
            for (JsonNode dns : job.path("dns_sd_configs")) {
                for (JsonNode name : dns.path("names")) {
                    scraped.put(name.asString(), dns.path("port").asInt());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String service : compose.applicationServices()) {
            String port = compose.environment(service).get("SERVER_PORT");
            if (!scraped.containsKey(service)) {
                problems.add(service + " is not scraped");
            } else if (port == null || scraped.get(service) != Integer.parseInt(port)) {
                problems.add(service + " is scraped on " + scraped.get(service) + " but listens on " + port);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(compose.serviceNames()).contains("prometheus", "grafana");
    }

    @Test
    @DisplayName("the dashboard's panels ask the provisioned data source, and its metrics are the ones the rules use or the services export")
    void theDashboardAsksTheProvisionedDataSource() throws IOException {
        String datasourceUid = RepositoryFiles.readYaml(monitoring.resolve("grafana/provisioning/datasources/prometheus.yml"))
                .path("datasources").get(0).path("uid").asString();
        JsonNode dashboard = JsonMapper.builder().build().readTree(
                Files.readString(monitoring.resolve("grafana/dashboards/civic-taskforce.json"), StandardCharsets.UTF_8));
        String rules = Files.readString(monitoring.resolve("prometheus/alert-rules.yml"), StandardCharsets.UTF_8);
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asString().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                    .isEqualTo(datasourceUid);
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                assertThat(expr).as(panel.path("title").asString()).isNotBlank();
                queries++;
                Matcher m = METRIC.matcher(expr);
                while (m.find()) {
                    String metric = m.group(1);
                    boolean known = rules.contains(metric) || KNOWN_EXPORTS.stream().anyMatch(metric::startsWith);
                    assertThat(known).as(metric + " in panel " + panel.path("title").asString()).isTrue();
                }
            }
        }
        assertThat(queries).isGreaterThanOrEqualTo(10);
    }

    /** Metric families the dashboard uses beyond the alert rules, as Micrometer names them in Prometheus. */
    private static final List<String> KNOWN_EXPORTS = List.of("http_server_requests_seconds", "outbox_pending_documents",
            "outbox_events_published_total", "notifications_sent_total", "jvm_memory_used_bytes");

    private static String promtool(Path directory, String... args) throws Exception {
        boolean available = Files.isExecutable(Path.of("/usr/bin/promtool"));
        if (!available) {
            boolean ci = System.getenv("CI") != null;
            if (ci) {
                throw new AssertionError("promtool is missing: .ci/run installs Debian's prometheus package");
            }
            Assumptions.abort("promtool is not installed (apt-get install prometheus); CI runs this check");
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", args) + ":\n" + output).isZero();
        return output;
    }
}
