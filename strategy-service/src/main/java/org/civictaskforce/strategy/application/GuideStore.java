package org.civictaskforce.strategy.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.platform.outbox.Versioned;
import org.civictaskforce.strategy.domain.guide.Guide;

/** The information guide: one document with its outbox. */
public interface GuideStore {
    Optional<Versioned<Guide>> find(String guideId);

    /**
     * Saves the guide with the events it raised; a guide never stored (version {@code null}) is inserted.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it changed (or was created) since loaded
     */
    void save(Versioned<Guide> changed, List<?> events);

    /** Only the last edition number per language (not the whole, large, guide); empty before the first. */
    Map<String, Integer> lastEditions(String guideId);
}
