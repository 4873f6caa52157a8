package org.civictaskforce.strategy.application;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.strategy.domain.guide.EditionHeading;

/** The guide's published editions: inserted once, never changed. */
public interface EditionStore {
    /** @throws org.springframework.dao.DuplicateKeyException if that edition number exists already */
    void insert(Edition edition);

    /** Takes back the snapshot of a publication that lost its race. */
    void delete(Edition edition);

    Optional<Edition> find(String guideId, String language, int number);

    /** A language's editions without their text, newest first. */
    List<EditionHeading> headings(String guideId, String language);
}
