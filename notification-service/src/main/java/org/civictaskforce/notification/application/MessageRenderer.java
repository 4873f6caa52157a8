package org.civictaskforce.notification.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.civictaskforce.notification.domain.LanguageFallback;
import org.civictaskforce.notification.domain.LocalTimes;
import org.civictaskforce.notification.domain.Notification;
import org.civictaskforce.notification.domain.Recipient;
import org.civictaskforce.notification.domain.RenderedMessage;
import org.civictaskforce.notification.domain.TemplateParameters;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * Writes a notification for its recipient with Mustache templates at
 * {@code notification-templates/<template>/<language>.{subject,text,html}.mustache}, in the first
 * language of {@link LanguageFallback} that has all three. Times are shown in the recipient's zone.
 *
 * <p>A template sees the notification's ids under their names, each time under its name already
 * written out for the reader, and {@code name}, the recipient's display name.
 */
@Component
public class MessageRenderer {
    static final String ROOT = "notification-templates/";
    private static final String[] PARTS = { "subject", "text", "html" };

    private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true);
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).emptyStringIsFalse(true);
    private final Map<String, Optional<Template>> cache = new ConcurrentHashMap<>();

    public static final String DIGEST_TEMPLATE = "daily-digest";

    public RenderedMessage render(Notification notification, Recipient recipient) {
        return render(notification.template(), recipient, language -> context(notification, recipient, language));
    }

    /**
     * One e-mail gathering a day's messages, already written for the recipient, in the digest's
     * template. A template sees {@code name}, {@code day}, {@code count} and {@code items}
     * (each with {@code subject} and {@code text}).
     */
    public RenderedMessage renderDigest(Recipient recipient, LocalDate day, List<RenderedMessage> items) {
        return render(DIGEST_TEMPLATE, recipient, language -> {
            Map<String, Object> context = new HashMap<>();
            context.put("name", recipient.displayName() == null ? "" : recipient.displayName());
            context.put("day", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(language)).format(day));
            context.put("count", items.size());
            context.put("items", items.stream().map(m -> Map.of("subject", m.subject(), "text", m.text())).toList());
            return context;
        });
    }

    private RenderedMessage render(String template, Recipient recipient,
            Function<String, Map<String, Object>> contextFor) {
        for (String language : LanguageFallback.candidates(recipient.language())) {
            Optional<Template> subject = template(template, language, "subject");
            Optional<Template> text = template(template, language, "text");
            Optional<Template> body = template(template, language, "html");
            if (subject.isPresent() && text.isPresent() && body.isPresent()) {
                Map<String, Object> context = contextFor.apply(language);
                return new RenderedMessage(language, subject.get().execute(context).strip(),
                        text.get().execute(context), body.get().execute(context));
            }
        }
        throw new TemplateNotFoundException(template);
    }

    /** Whether this template exists in this very language (no fallback); for tests and checks. */
    public boolean hasTemplate(String template, String language) {
        for (String part : PARTS) {
            if (template(template, language, part).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> context(Notification notification, Recipient recipient, String language) {
        Map<String, Object> context = new HashMap<>(notification.parameters().values());
        notification.parameters().times().forEach((name, instant) ->
                context.put(name, LocalTimes.format(instant, recipient.timeZone(), language)));
        String eventZone = notification.parameters().values().get(TemplateParameters.EVENT_TIME_ZONE);
        if (eventZone != null) {
            notification.parameters().times().forEach((name, instant) ->
                    context.put(name + "InEventZone", LocalTimes.format(instant, eventZone, language)));
            context.put("sameZone", LocalTimes.zone(eventZone).equals(LocalTimes.zone(recipient.timeZone())));
        } else {
            context.put("sameZone", true); // no other zone to show
        }
        context.put("name", recipient.displayName() == null ? "" : recipient.displayName());
        return context;
    }

    private Optional<Template> template(String template, String language, String part) {
        String path = ROOT + template + "/" + language + "." + part + ".mustache";
        return cache.computeIfAbsent(path, p -> {
            ClassPathResource resource = new ClassPathResource(p);
            if (!resource.exists()) {
                return Optional.empty();
            }
            try (InputStream in = resource.getInputStream()) {
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Optional.of(("html".equals(part) ? html : plain).compile(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
