package org.civictaskforce.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server that accepts every mail (no authentication, any recipient) and keeps it in memory
 * (GreenMail), plus a small web view: {@code GET /} lists the mails as HTML, {@code GET /messages}
 * as a JSON array of {@code {to, subject, text, html, receivedAt}}. Mails are lost on restart.
 * <p>
 * With a limit ({@code keep > 0}) it forgets the oldest mails beyond the newest {@code keep}, checked every second,
 * so that a long run cannot fill the devstack JVM's heap with mail (30 minutes of the mixed load left 12 545 mails,
 * about 60 MB; docs/benchmarks.md).
 */
public class MailSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final int smtpPort;
    private final int webPort;
    private final int keep;
    /** Mails received before the last stop (GreenMail forgets its mailboxes when it stops). */
    private final List<MailMessage> earlier = new ArrayList<>();
    private GreenMail greenMail;
    private HttpServer web;
    private ExecutorService webExecutor;
    private ScheduledExecutorService trimmer;

    /** A sink that keeps every mail. */
    public MailSink(int smtpPort, int webPort) {
        this(smtpPort, webPort, 0);
    }

    /** A sink that keeps the newest {@code keep} mails ({@code 0}: all). */
    public MailSink(int smtpPort, int webPort, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be 0 (all) or more, got " + keep);
        }
        this.smtpPort = smtpPort;
        this.webPort = webPort;
        this.keep = keep;
    }

    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        long started = System.nanoTime();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            mail.start();
        } catch (RuntimeException e) {
            throw new DevstackException("SMTP sink could not listen on port " + smtpPort + ": " + e.getMessage(), e);
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress("localhost", webPort), 0);
        } catch (IOException e) {
            mail.stop();
            throw new DevstackException("mail web view could not listen on port " + webPort + ": " + e.getMessage(), e);
        }
        http.createContext("/", this::handle);
        webExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mail-web");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(webExecutor);
        http.start();
        greenMail = mail;
        web = http;
        if (keep > 0) {
            trimmer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "mail-trim");
                t.setDaemon(true);
                return t;
            });
            trimmer.scheduleWithFixedDelay(this::trimQuietly, 1, 1, TimeUnit.SECONDS);
        }
        log.info("SMTP sink on localhost:{}, web view on {} in {} ms",
                smtpPort, webUrl(), (System.nanoTime() - started) / 1_000_000);
    }

    public synchronized void stop() {
        if (greenMail == null) {
            return;
        }
        web.stop(0);
        webExecutor.shutdownNow();
        if (trimmer != null) {
            trimmer.shutdownNow();
            trimmer = null;
        }
        // what arrived stays readable after the SMTP server stops (an outage loses no mail already delivered)
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            earlier.add(toMailMessage(message));
        }
        if (keep > 0 && earlier.size() > keep) {
            earlier.subList(0, earlier.size() - keep).clear();
        }
        greenMail.stop();
        web = null;
        greenMail = null;
        log.info("SMTP sink stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** Every mail received so far (before a stop and a start too), oldest first. */
    public List<MailMessage> messages() {
        GreenMail mail;
        List<MailMessage> result;
        synchronized (this) {
            mail = greenMail;
            result = new ArrayList<>(earlier);
        }
        if (mail == null) {
            return result;
        }
        for (MimeMessage message : mail.getReceivedMessages()) {
            result.add(toMailMessage(message));
        }
        result.sort(Comparator.comparing(MailMessage::receivedAt));
        return result;
    }

    /** Forgets every received mail. */
    public void clear() {
        GreenMail mail;
        synchronized (this) {
            mail = greenMail;
            earlier.clear();
        }
        if (mail != null) {
            try {
                mail.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new DevstackException("could not clear the mail sink: " + e.getMessage(), e);
            }
        }
    }

    /** How many of the newest mails this sink keeps ({@code 0}: all). */
    public int keep() {
        return keep;
    }

    /**
     * Forgets the oldest mails beyond the newest {@link #keep()}, and the mailboxes that leaves empty.
     *
     * @return how many mails it forgot
     */
    int trim() throws FolderException {
        GreenMail mail;
        synchronized (this) {
            mail = greenMail;
        }
        if (mail == null || keep == 0) {
            return 0;
        }
        ImapHostManager host = mail.getManagers().getImapHostManager();
        UserManager users = mail.getManagers().getUserManager();
        record Stored(GreenMailUser user, MailFolder inbox, StoredMessage message) { }
        List<Stored> all = new ArrayList<>();
        for (GreenMailUser user : List.copyOf(users.listUser())) {
            MailFolder inbox = host.getInbox(user);
            for (StoredMessage message : inbox.getMessages()) {
                all.add(new Stored(user, inbox, message));
            }
        }
        int excess = all.size() - keep;
        if (excess <= 0) {
            return 0;
        }
        all.sort(Comparator.comparing((Stored s) -> s.message().getReceivedDate())
                .thenComparingLong(s -> s.message().getUid()));
        Map<GreenMailUser, MailFolder> touched = new LinkedHashMap<>();
        for (Stored old : all.subList(0, excess)) {
            old.message().setFlag(Flags.Flag.DELETED, true);
            touched.put(old.user(), old.inbox());
        }
        for (Map.Entry<GreenMailUser, MailFolder> box : touched.entrySet()) {
            box.getValue().expunge();
            if (box.getValue().getMessageCount() == 0) {
                users.deleteUser(box.getKey());
            }
        }
        return excess;
    }

    private void trimQuietly() {
        try {
            trim();
        } catch (Exception | LinkageError e) {
            log.warn("could not trim the mail sink: {}", e.toString());
        }
    }

    /** The underlying GreenMail (e.g. for {@code waitForIncomingEmail}); {@code null} when stopped. */
    public synchronized GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int webPort() {
        return webPort;
    }

    public String webUrl() {
        return "http://localhost:" + webPort + "/";
    }

    // ---------------------------------------------------------------- parsing

    static MailMessage toMailMessage(MimeMessage message) {
        String to;
        String subject;
        Instant receivedAt;
        String[] bodies = new String[2];
        try {
            to = addresses(message.getRecipients(Message.RecipientType.TO));
            subject = message.getSubject();
            receivedAt = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
            collectBodies(message, bodies);
        } catch (MessagingException | IOException e) {
            return new MailMessage("?", "(unreadable mail: " + e.getMessage() + ")", null, null, Instant.now());
        }
        return new MailMessage(to, subject, bodies[0], bodies[1], receivedAt);
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return "";
        }
        List<String> list = new ArrayList<>();
        for (Address address : addresses) {
            list.add(address.toString());
        }
        return String.join(", ", list);
    }

    private static void collectBodies(Part part, String[] bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = content(part);
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = content(part);
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectBodies(child, bodies);
            }
        }
    }

    private static String content(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof InputStream in) {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return String.valueOf(content);
    }

    // ---------------------------------------------------------------- web view

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
            } else if (path.equals("/messages") || path.equals("/messages/")) {
                send(exchange, 200, "application/json; charset=utf-8", json(messages()));
            } else if (path.equals("/") || path.equals("/index.html")) {
                send(exchange, 200, "text/html; charset=utf-8", html(messages()));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        } catch (RuntimeException e) {
            log.warn("mail web view failed: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String json(List<MailMessage> messages) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MailMessage m : messages) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("to", m.to());
            item.put("subject", m.subject());
            item.put("text", m.text());
            item.put("html", m.html());
            item.put("receivedAt", m.receivedAt().toString());
            list.add(item);
        }
        return JSON.writeValueAsString(list);
    }

    String html(List<MailMessage> messages) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"10\">")
                .append("<title>Civic Taskforce – mail sink</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;width:100%}")
                .append("th,td{border-bottom:1px solid #ddd;padding:.5em;text-align:left;vertical-align:top}")
                .append("th{background:#f4f4f4}pre{white-space:pre-wrap;margin:0;font-family:inherit}")
                .append(".muted{color:#777}</style></head><body>")
                .append("<h1>Mail sink</h1><p class=\"muted\">")
                .append(messages.size()).append(messages.size() == 1 ? " mail" : " mails")
                .append(" received (newest first; kept in memory until devstack stops")
                .append(keep > 0 ? ", the newest " + keep + " only" : "").append("). ")
                .append("JSON: <a href=\"/messages\">/messages</a>. This page refreshes every 10 s.</p>");
        if (messages.isEmpty()) {
            b.append("<p>No mail yet.</p>");
        } else {
            b.append("<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Text</th></tr></thead><tbody>");
            for (int i = messages.size() - 1; i >= 0; i--) {
                MailMessage m = messages.get(i);
                String text = m.text() != null ? m.text()
                        : m.html() != null ? "(HTML only) " + m.html() : "";
                b.append("<tr><td>").append(escape(TIME.format(m.receivedAt())))
                        .append("</td><td>").append(escape(m.to()))
                        .append("</td><td>").append(escape(m.subject()))
                        .append("</td><td><pre>").append(escape(text)).append("</pre></td></tr>");
            }
            b.append("</tbody></table>");
        }
        return b.append("</body></html>\n").toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
