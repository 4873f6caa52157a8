package org.civictaskforce.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DevstackIT {

    @TempDir
    Path dir;

    @Test
    void refusesToStartWhenAPortIsTakenAndNamesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            int port = taken.getLocalPort();
            DevstackConfig config = DevstackConfig.builder().repoRoot(dir).dataDir(dir.resolve("data"))
                    .randomPorts().mongoPort(port).build();
            Devstack stack = new Devstack(config);
            assertThatThrownBy(stack::start)
                    .isInstanceOf(DevstackException.class)
                    .hasMessage("port " + port + " (MongoDB-compatible store) is already in use"
                            + " — stop what holds it or set DEVSTACK_MONGO_PORT");
            assertThat(stack.isClosed()).isTrue();
            assertThat(stack.kafkaBroker().isRunning()).isFalse();
        }
    }

    @Test
    void namesTheServiceWhosePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", 0));
            int port = taken.getLocalPort();
            DevstackConfig config = DevstackConfig.builder().repoRoot(dir).dataDir(dir.resolve("data"))
                    .randomPorts().membershipPort(port).build();
            assertThatThrownBy(() -> new Devstack(config).start())
                    .hasMessage("port " + port + " (membership-service) is already in use"
                            + " — stop what holds it or set DEVSTACK_MEMBERSHIP_PORT");
        }
    }

    @Test
    void refusesAPortConfiguredTwice() {
        DevstackConfig config = DevstackConfig.builder().repoRoot(dir).randomPorts()
                .smtpPort(40123).gatewayPort(40123).build();
        assertThatThrownBy(() -> new Devstack(config).start())
                .hasMessage("port 40123 is configured for both SMTP mail sink and gateway"
                        + " — set DEVSTACK_SMTP_PORT or DEVSTACK_GATEWAY_PORT to another port");
    }

    @Test
    void tellsWhichJarsAreMissing() {
        DevstackConfig config = DevstackConfig.builder().repoRoot(dir).randomPorts().build();
        assertThat(config.missingJars()).hasSize(6);
        assertThat(config.toBuilder().zipkin(true).build().missingJars()).hasSize(7)
                .endsWith(dir.toAbsolutePath().resolve(DevstackConfig.ZIPKIN_JAR));
        assertThatThrownBy(() -> new Devstack(config).start())
                .hasMessageStartingWith("service jar(s) missing: [membership-service/target/membership-service.jar")
                .hasMessageEndingWith("build them first: ./mvnw -DskipTests package");
    }

    @Test
    void readsTheEnvironment() {
        DevstackConfig defaults = DevstackConfig.fromEnvironment(Map.of(), dir).build();
        assertThat(defaults.repoRoot()).isEqualTo(dir.toAbsolutePath());
        assertThat(defaults.dataDir()).isEqualTo(dir.resolve(".devstack-data").toAbsolutePath());
        assertThat(List.of(defaults.kafkaPort(), defaults.kafkaControllerPort(), defaults.mongoPort(),
                defaults.smtpPort(), defaults.mailWebPort())).containsExactly(9092, 9093, 27017, 2525, 8025);
        assertThat(defaults.port(DevstackService.GATEWAY)).isEqualTo(8080);
        assertThat(defaults.port(DevstackService.MEMBERSHIP)).isEqualTo(8081);
        assertThat(defaults.port(DevstackService.RESEARCH)).isEqualTo(8082);
        assertThat(defaults.port(DevstackService.STRATEGY)).isEqualTo(8083);
        assertThat(defaults.port(DevstackService.NOTIFICATION)).isEqualTo(8084);
        assertThat(defaults.services()).containsExactlyInAnyOrder(DevstackService.values());
        assertThat(defaults.readyTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(defaults.zipkinPort()).isEqualTo(9411);
        assertThat(defaults.zipkinJar()).isEqualTo(dir.toAbsolutePath().resolve("devstack/target/zipkin/zipkin-server.jar"));
        assertThat(DevstackConfig.fromEnvironment(Map.of("DEVSTACK_ZIPKIN", "false"), dir).build().zipkin()).isFalse();
        assertThat(DevstackConfig.fromEnvironment(Map.of("DEVSTACK_ZIPKIN_PORT", "19411"), dir).build().zipkinPort())
                .isEqualTo(19411);
        assertThat(DevstackConfig.builder().repoRoot(dir).build().zipkin()).as("the builder starts no Zipkin").isFalse();
        DevstackConfig replicated = DevstackConfig.fromEnvironment(Map.of("DEVSTACK_REPLICAS", "gateway=2, notification=3"),
                dir).build();
        assertThat(replicated.replicas(DevstackService.GATEWAY)).isEqualTo(2);
        assertThat(replicated.replicas(DevstackService.NOTIFICATION)).isEqualTo(3);
        assertThat(replicated.replicas(DevstackService.MEMBERSHIP)).isEqualTo(1);
        assertThatThrownBy(() -> DevstackConfig.fromEnvironment(Map.of("DEVSTACK_REPLICAS", "gateway"), dir))
                .hasMessage("DEVSTACK_REPLICAS must look like gateway=2,notification=2, got 'gateway'");
        assertThatThrownBy(() -> DevstackConfig.fromEnvironment(Map.of("DEVSTACK_REPLICAS", "gateway=9"), dir).build())
                .hasMessage("DEVSTACK_REPLICAS: gateway cannot run 9 processes (1 to 4)");

        DevstackConfig custom = DevstackConfig.fromEnvironment(Map.of(
                "DEVSTACK_REPO", "/srv/repo", "DEVSTACK_MONGO_PORT", "27018", "DEVSTACK_GATEWAY_PORT", "9080",
                "DEVSTACK_SERVICES", "membership, gateway", "DEVSTACK_READY_TIMEOUT", "60",
                "DEVSTACK_ENV_NOTIFICATION_SPRING_PROFILES_ACTIVE", "dev", "DEVSTACK_ENV_ALL_TZ", "UTC"), dir).build();
        assertThat(custom.repoRoot()).isEqualTo(Path.of("/srv/repo"));
        assertThat(custom.dataDir()).isEqualTo(Path.of("/srv/repo/.devstack-data"));
        assertThat(custom.mongoPort()).isEqualTo(27018);
        assertThat(custom.port(DevstackService.GATEWAY)).isEqualTo(9080);
        assertThat(custom.services()).containsExactlyInAnyOrder(DevstackService.MEMBERSHIP, DevstackService.GATEWAY);
        assertThat(custom.readyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(custom.extraEnv().get(DevstackService.NOTIFICATION))
                .containsEntry("SPRING_PROFILES_ACTIVE", "dev").containsEntry("TZ", "UTC");
        assertThat(custom.extraEnv().get(DevstackService.MEMBERSHIP)).containsOnlyKeys("TZ");

        assertThatThrownBy(() -> DevstackConfig.fromEnvironment(Map.of("DEVSTACK_KAFKA_PORT", "abc"), dir))
                .hasMessage("DEVSTACK_KAFKA_PORT must be a port number (1-65535), got 'abc'");
        assertThat(DevstackConfig.fromEnvironment(Map.of("DEVSTACK_SERVICES", "none"), dir).build().services()).isEmpty();
    }

    @Test
    void runsSeveralProcessesOfAServiceAndTheGatewayIsToldEachOfThem() throws Exception {
        Path repo = FakeJars.repoWithFakeServices(dir.resolve("repo"));
        DevstackConfig config = DevstackConfig.builder().repoRoot(repo).dataDir(dir.resolve("data")).randomPorts()
                .services(DevstackService.MEMBERSHIP, DevstackService.GATEWAY)
                .replicas(DevstackService.MEMBERSHIP, 2).readyTimeout(Duration.ofSeconds(90)).build();
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        Devstack stack = new Devstack(config);
        List<ServiceProcess> membership;
        try (stack) {
            stack.start();
            membership = stack.replicas(DevstackService.MEMBERSHIP);
            assertThat(membership).extracting(ServiceProcess::name)
                    .containsExactly("membership-service", "membership-service-2");
            assertThat(membership).allMatch(ServiceProcess::isAlive);
            assertThat(membership.get(0).port()).isEqualTo(config.port(DevstackService.MEMBERSHIP));
            assertThat(membership.get(1).port()).isNotEqualTo(membership.get(0).port());
            assertThat(stack.logFile(DevstackService.MEMBERSHIP).resolveSibling("membership-service-2.log")).exists();
            assertThat(stack.residentMemory()).containsKeys("membership-service", "membership-service-2");
            assertThat(stack.processIds()).containsEntry("membership-service-2", membership.get(1).pid())
                    .containsEntry("devstack", ProcessHandle.current().pid());

            JsonNode gatewayEnv = json.readTree(get(http, stack.gatewayUrl() + "/env"));
            JsonNode instances = json.readTree(gatewayEnv.path("SPRING_APPLICATION_JSON").asString())
                    .path("spring.cloud.discovery.client.simple.instances.membership-service");
            assertThat(instances).extracting(i -> i.path("uri").asString())
                    .containsExactly(membership.get(0).url(), membership.get(1).url());
            JsonNode secondEnv = json.readTree(get(http, membership.get(1).url() + "/env"));
            assertThat(secondEnv.path("MONGODB_URI").asString()).isEqualTo(stack.mongoUri("membership"));
        }
        assertThat(membership).noneMatch(ServiceProcess::isAlive);
    }

    @Test
    void startsEverythingWiresTheServicesAndStopsEverything() throws Exception {
        Path repo = FakeJars.repoWithFakeServices(dir.resolve("repo"));
        List<String> progress = new ArrayList<>();
        DevstackConfig config = DevstackConfig.builder()
                .repoRoot(repo).dataDir(dir.resolve("data")).randomPorts()
                .env(DevstackService.NOTIFICATION, "REMINDER_INTERVAL", "PT1S")
                .readyTimeout(Duration.ofSeconds(90))
                .progress(msg -> { synchronized (progress) { progress.add(msg); } })
                .build();
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        Devstack stack = new Devstack(config);
        try (stack) {
            stack.start();
            System.out.println("timings: " + stack.timings());
            System.out.println("rss: " + stack.residentMemory());

            assertThat(stack.processes()).hasSize(6);
            assertThat(stack.gatewayUrl()).isEqualTo("http://localhost:" + config.port(DevstackService.GATEWAY));
            assertThat(stack.kafkaBootstrap()).isEqualTo("localhost:" + config.kafkaPort());
            assertThat(stack.mongoUri("research")).isEqualTo("mongodb://localhost:" + config.mongoPort() + "/research");
            assertThat(stack.timings()).containsKeys("Kafka broker", "MongoDB-compatible store", "mail sink",
                    "membership-service", "gateway", "total");
            assertThat(stack.residentMemory()).containsKeys("membership-service", "gateway", "devstack");

            JsonNode gatewayEnv = json.readTree(get(http, stack.gatewayUrl() + "/env"));
            assertThat(gatewayEnv.path("SERVER_PORT").asString()).isEqualTo(String.valueOf(config.port(DevstackService.GATEWAY)));
            assertThat(gatewayEnv.path("MEMBERSHIP_URL").asString()).isEqualTo(stack.serviceUrl(DevstackService.MEMBERSHIP));
            assertThat(gatewayEnv.path("RESEARCH_URL").asString()).isEqualTo(stack.serviceUrl(DevstackService.RESEARCH));
            assertThat(gatewayEnv.path("STRATEGY_URL").asString()).isEqualTo(stack.serviceUrl(DevstackService.STRATEGY));
            assertThat(gatewayEnv.path("NOTIFICATION_URL").asString()).isEqualTo(stack.serviceUrl(DevstackService.NOTIFICATION));
            assertThat(gatewayEnv.path("IDENTITY_URL").asString()).isEqualTo(stack.identityUrl());
            // browser sessions in the gateway's own database, so that replicas share them
            assertThat(gatewayEnv.path("MONGODB_URI").asString()).isEqualTo(stack.mongoUri("gateway"));
            assertThat(gatewayEnv.has("SMTP_HOST")).isFalse();
            // the gateway and the identity service share the generated client secret; the services do not get it
            assertThat(gatewayEnv.path("IDENTITY_GATEWAY_CLIENT_SECRET").asString())
                    .isEqualTo(stack.secrets().gatewayClientSecret()).isNotBlank();
            JsonNode identityEnv = json.readTree(get(http, stack.identityUrl() + "/env"));
            assertThat(identityEnv.path("IDENTITY_GATEWAY_CLIENT_SECRET").asString())
                    .isEqualTo(stack.secrets().gatewayClientSecret());
            assertThat(identityEnv.path("IDENTITY_BOOTSTRAP_PASSWORD").asString())
                    .isEqualTo(stack.secrets().bootstrapPassword());
            assertThat(identityEnv.path("MONGODB_URI").asString()).isEqualTo(stack.mongoUri("identity"));

            JsonNode notificationEnv = json.readTree(get(http, stack.serviceUrl(DevstackService.NOTIFICATION) + "/env"));
            assertThat(notificationEnv.path("MONGODB_URI").asString()).isEqualTo(stack.mongoUri("notification"));
            assertThat(notificationEnv.path("KAFKA_BOOTSTRAP_SERVERS").asString()).isEqualTo(stack.kafkaBootstrap());
            assertThat(notificationEnv.path("SMTP_HOST").asString()).isEqualTo("localhost");
            assertThat(notificationEnv.path("SMTP_PORT").asString()).isEqualTo(String.valueOf(stack.smtpPort()));
            assertThat(notificationEnv.path("REMINDER_INTERVAL").asString()).isEqualTo("PT1S");
            JsonNode membershipEnv = json.readTree(get(http, stack.serviceUrl(DevstackService.MEMBERSHIP) + "/env"));
            assertThat(membershipEnv.path("MONGODB_URI").asString()).isEqualTo(stack.mongoUri("membership"));
            assertThat(membershipEnv.has("REMINDER_INTERVAL")).isFalse();
            assertThat(membershipEnv.has("IDENTITY_GATEWAY_CLIENT_SECRET")).isFalse();
            assertThat(membershipEnv.path("IDENTITY_JWKS_URI").asString()).isEqualTo(stack.identityUrl() + "/oauth2/jwks");

            Properties props = new Properties();
            props.put("mail.smtp.host", "localhost");
            props.put("mail.smtp.port", String.valueOf(stack.smtpPort()));
            MimeMessage mail = new MimeMessage(Session.getInstance(props));
            mail.setFrom(new InternetAddress("noreply@example.org"));
            mail.setRecipients(Message.RecipientType.TO, "talant.testov@example.org");
            mail.setSubject("Эскертүү", "UTF-8");
            mail.setText("Жолугушуу эртең", "UTF-8");
            Transport.send(mail);
            assertThat(stack.mailMessages()).singleElement()
                    .satisfies(m -> assertThat(m.subject()).isEqualTo("Эскертүү"));
            assertThat(get(http, stack.mailWebUrl() + "messages")).contains("Эскертүү");
        }
        assertThat(stack.processes().values()).noneMatch(ServiceProcess::isAlive);
        assertThat(stack.kafkaBroker().isRunning()).isFalse();
        assertThat(stack.documentStore().isRunning()).isFalse();
        assertThat(Ports.isFree(config.kafkaPort())).isTrue();
        assertThat(Ports.isFree(config.mongoPort())).isTrue();
        assertThat(Ports.isFree(config.port(DevstackService.GATEWAY))).isTrue();
        assertThat(progress).anySatisfy(m -> assertThat(m).startsWith("gateway ready on"));
    }

    @Test
    void stopsWhatItStartedWhenAServiceFails() throws Exception {
        Path repo = FakeJars.repoWithFakeServices(dir.resolve("repo"));
        DevstackConfig config = DevstackConfig.builder()
                .repoRoot(repo).dataDir(dir.resolve("data")).randomPorts()
                .services(DevstackService.MEMBERSHIP, DevstackService.RESEARCH)
                .env(DevstackService.RESEARCH, "FAKE_FAIL", "1")
                .build();
        Devstack stack = new Devstack(config);
        assertThatThrownBy(stack::start)
                .isInstanceOf(DevstackException.class)
                .hasMessageStartingWith("research-service exited with code 1 before it was ready; its log: "
                        + dir.resolve("data/logs/research-service.log").toAbsolutePath())
                .hasMessageContaining("APPLICATION FAILED TO START");
        assertThat(stack.isClosed()).isTrue();
        assertThat(stack.processes().values()).noneMatch(ServiceProcess::isAlive);
        assertThat(stack.kafkaBroker().isRunning()).isFalse();
        assertThat(Ports.isFree(config.port(DevstackService.MEMBERSHIP))).isTrue();
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
