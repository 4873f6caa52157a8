package org.civictaskforce.strategy.application;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civictaskforce.documents.DocumentFormat;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.springframework.stereotype.Component;

/**
 * The download files of published editions and their sizes, which the public guide page shows so that a person on
 * a slow or paid connection can choose. An edition never changes, so a size, once rendered, holds for good: it is
 * remembered here (a few numbers per edition) and the page does not render PDFs on every view.
 */
@Component
public class EditionFiles {
    /** Far more than the guide's editions × formats; beyond it the memory starts again rather than grow. */
    private static final int MAX_REMEMBERED = 10_000;

    private final GuideService guides;
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();

    public EditionFiles(GuideService guides) {
        this.guides = guides;
    }


    /** The size in bytes of each format's file of a published edition, rendering only those not known yet. */
    public Map<DocumentFormat, Integer> sizes(String language, int number) {
        Map<DocumentFormat, Integer> known = new EnumMap<>(DocumentFormat.class);
        Edition edition = null;
        for (DocumentFormat format : DocumentFormat.values()) {
            Integer size = sizes.get(key(language, number, format));
            if (size == null) {
                edition = edition != null ? edition : guides.publishedEdition(language, number);
                size = render(edition, format).length;
            }
            known.put(format, size);
        }
        return known;
    }

    /** An edition's file in a format (and its size remembered). */
    public byte[] render(Edition edition, DocumentFormat format) {
        byte[] file = EditionRenderer.render(edition, format);
        if (sizes.size() >= MAX_REMEMBERED) {
            sizes.clear();
        }
        sizes.put(key(edition.language(), edition.number(), format), file.length);
        return file;
    }

    private static String key(String language, int number, DocumentFormat format) {
        return language + ":" + number + ":" + format.extension();
    }
}
