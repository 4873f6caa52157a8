package org.civictaskforce.strategy.persistence;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.strategy.domain.guide.Edition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published edition as stored in {@code guide_editions}, {@code _id} = guideId:language:number.
 * Only ever inserted, never updated: an edition is immutable.
 */
@Document(collection = EditionDocument.COLLECTION)
public record EditionDocument(@Id String id, String guideId, String language, int number, String sourceLanguage,
        Instant publishedAt, List<Edition.EditionSection> sections) {
    public static final String COLLECTION = "guide_editions";

    public static String idOf(String guideId, String language, int number) {
        return guideId + ":" + language + ":" + number;
    }

    public static EditionDocument of(Edition e) {
        return new EditionDocument(idOf(e.guideId(), e.language(), e.number()), e.guideId(), e.language(), e.number(),
                e.sourceLanguage(), e.publishedAt(), e.sections());
    }

    public Edition toDomain() {
        return new Edition(guideId, language, number, sourceLanguage, publishedAt, sections);
    }
}
