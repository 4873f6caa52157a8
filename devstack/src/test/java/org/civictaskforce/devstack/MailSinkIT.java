package org.civictaskforce.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MailSinkIT {

    private MailSink sink;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        int[] ports = Ports.freePorts(2);
        sink = new MailSink(ports[0], ports[1]);
        sink.start();
    }

    @AfterEach
    void stop() {
        sink.stop();
    }

    @Test
    void acceptsAnyRecipientAndShowsUtf8MailAsJsonAndHtml() throws Exception {
        String subject = "Приглашение в рабочую группу — Шақыру";
        String body = "Здравствуйте, Айгерим!\nСәлеметсіз бе! <b>не жирный</b> & co";
        send("bermet.obraztsova@example.org", subject, body);

        assertThat(sink.messages()).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo(subject);
            assertThat(m.to()).isEqualTo("bermet.obraztsova@example.org");
            assertThat(m.text()).contains("Сәлеметсіз бе!");
        });

        HttpResponse<String> json = get("/messages");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        JsonNode messages = JsonMapper.builder().build().readTree(json.body());
        assertThat(messages.isArray()).isTrue();
        assertThat(messages.size()).isEqualTo(1);
        JsonNode first = messages.get(0);
        assertThat(first.path("subject").asString()).isEqualTo(subject);
        assertThat(first.path("to").asString()).isEqualTo("bermet.obraztsova@example.org");
        assertThat(first.path("text").asString()).contains("Здравствуйте, Айгерим!");
        assertThat(first.has("html")).isTrue();
        assertThat(first.path("receivedAt").asString()).isNotBlank();

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("charset=utf-8"));
        assertThat(page.body())
                .contains("Приглашение в рабочую группу — Шақыру")
                .contains("&lt;b&gt;не жирный&lt;/b&gt; &amp; co")
                .doesNotContain("<b>не жирный</b>");

        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void readsHtmlAlternativeParts() throws Exception {
        Session session = session();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@civictaskforce.example.org"));
        message.setRecipients(Message.RecipientType.TO, "a@example.org, b@example.org");
        message.setSubject("Ескерту", "UTF-8");
        jakarta.mail.internet.MimeMultipart alternative = new jakarta.mail.internet.MimeMultipart("alternative");
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("Кездесу ертең", "UTF-8");
        jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
        html.setContent("<p>Кездесу <b>ертең</b></p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        Transport.send(message);

        // one copy per recipient mailbox
        assertThat(sink.messages()).hasSize(2).allSatisfy(m -> {
            assertThat(m.text()).isEqualTo("Кездесу ертең");
            assertThat(m.html()).isEqualTo("<p>Кездесу <b>ертең</b></p>");
            assertThat(m.to()).isEqualTo("a@example.org, b@example.org");
        });
        sink.clear();
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void mailReceivedBeforeAStopIsStillThereAfterTheStart() throws Exception {
        send("before@example.org", "before the outage", "body");
        awaitAtLeast(1);
        sink.stop();
        assertThat(sink.messages()).extracting(MailMessage::subject).containsExactly("before the outage");
        sink.start();
        send("after@example.org", "after the outage", "body");
        awaitAtLeast(2);
        assertThat(sink.messages()).extracting(MailMessage::subject)
                .containsExactly("before the outage", "after the outage");
        sink.clear();
        assertThat(sink.messages()).isEmpty();
    }

    @Test
    void withALimitKeepsOnlyTheNewestMailsAndSaysSo() throws Exception {
        sink.stop();
        int[] ports = Ports.freePorts(2);
        sink = new MailSink(ports[0], ports[1], 3);
        sink.start();
        for (int i = 1; i <= 5; i++) {
            send("member" + (i % 2) + "@example.org", "mail " + i, "body " + i);
            Thread.sleep(5); // distinct received times
        }
        awaitAtMost(3);
        assertThat(sink.messages()).extracting(MailMessage::subject).containsExactly("mail 3", "mail 4", "mail 5");
        send("someone-new@example.org", "mail 6", "body 6");
        awaitAtMost(3);
        assertThat(sink.messages()).extracting(MailMessage::subject).containsExactly("mail 4", "mail 5", "mail 6");
        assertThat(sink.trim()).isZero();
        assertThat(get("/").body()).contains("the newest 3 only");
    }

    private void awaitAtLeast(int mails) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sink.messages().size() < mails && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void awaitAtMost(int mails) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sink.messages().size() > mails && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void send(String to, String subject, String body) throws Exception {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress("noreply@civictaskforce.example.org"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
        return Session.getInstance(props);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sink.webPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
