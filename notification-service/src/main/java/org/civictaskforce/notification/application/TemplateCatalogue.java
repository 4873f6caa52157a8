package org.civictaskforce.notification.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civictaskforce.notification.domain.LanguageFallback;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every template on the class path ({@code notification-templates/<template>/<language>.<part>.mustache})
 * and, per language the platform serves, which templates are complete and which are missing (and
 * so fall back to Russian, then English).
 */
@Component
public class TemplateCatalogue {
    /** The languages the Working Group works in: the region's state languages, Russian and English. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "kk", "ky", "tg", "tk", "uz");
    static final List<String> PARTS = List.of("subject", "text", "html");
    private static final Pattern FILE = Pattern.compile(".*/" + MessageRenderer.ROOT
            + "([a-z0-9-]+)/([a-z]{2,3})\\.(subject|text|html)\\.mustache$");

    /** template → language → parts present */
    private final Map<String, Map<String, Set<String>>> parts = new TreeMap<>();

    public TemplateCatalogue() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + MessageRenderer.ROOT + "*/*.mustache")) {
                Matcher m = FILE.matcher(resource.getURL().toString());
                if (m.matches()) {
                    parts.computeIfAbsent(m.group(1), t -> new TreeMap<>())
                            .computeIfAbsent(m.group(2), l -> new TreeSet<>()).add(m.group(3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> templates() {
        return parts.keySet();
    }

    public boolean complete(String template, String language) {
        return parts.getOrDefault(template, Map.of()).getOrDefault(language, Set.of()).containsAll(PARTS);
    }

    /** The language a reader of {@code language} actually gets this template in, if any. */
    public String servedIn(String template, String language) {
        return LanguageFallback.candidates(language).stream().filter(l -> complete(template, l)).findFirst()
                .orElse(null);
    }

    public record Missing(String template, List<String> missingParts, String fallsBackTo) {
    }

    public record LanguageCoverage(String language, int complete, int total, List<String> completeTemplates,
            List<Missing> missing) {
    }

    public List<LanguageCoverage> coverage() {
        List<LanguageCoverage> report = new ArrayList<>();
        for (String language : LANGUAGES) {
            List<String> done = new ArrayList<>();
            List<Missing> missing = new ArrayList<>();
            for (String template : templates()) {
                if (complete(template, language)) {
                    done.add(template);
                } else {
                    Set<String> present = parts.get(template).getOrDefault(language, Set.of());
                    missing.add(new Missing(template, PARTS.stream().filter(p -> !present.contains(p)).toList(),
                            servedIn(template, language)));
                }
            }
            report.add(new LanguageCoverage(language, done.size(), templates().size(), done, missing));
        }
        return report;
    }
}
