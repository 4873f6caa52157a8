package org.civictaskforce.strategy.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civictaskforce.platform.outbox.OutboxDocument;
import org.civictaskforce.strategy.domain.guide.Guide;
import org.civictaskforce.strategy.domain.guide.Section;
import org.civictaskforce.strategy.domain.guide.Translation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The guide as stored in {@code guides}: sections with every source revision, translations, and its outbox. */
@Document(collection = GuideDocument.COLLECTION)
public class GuideDocument extends OutboxDocument {
    public static final String COLLECTION = "guides";

    @Id
    private String id;
    private String sourceLanguage;
    private List<Section> sections = new ArrayList<>();
    private List<Translation> translations = new ArrayList<>();
    private Map<String, Integer> lastEditions = new HashMap<>();
    private Map<String, List<String>> translators = new HashMap<>();

    public static GuideDocument newFor(Guide guide) {
        GuideDocument document = new GuideDocument();
        document.id = guide.id();
        document.apply(guide);
        return document;
    }

    public void apply(Guide guide) {
        sourceLanguage = guide.sourceLanguage();
        sections = new ArrayList<>(guide.sections());
        translations = new ArrayList<>(guide.translations());
        lastEditions = new HashMap<>(guide.lastEditions());
        translators = new HashMap<>(guide.translators());
    }

    public Guide toDomain() {
        return Guide.restore(id, sourceLanguage, sections, translations, lastEditions, translators);
    }

    public String getId() {
        return id;
    }
}
