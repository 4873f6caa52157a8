package org.civictaskforce.strategy.persistence;

import java.util.List;
import java.util.Optional;

import org.civictaskforce.strategy.application.EditionStore;
import org.civictaskforce.strategy.domain.guide.Edition;
import org.civictaskforce.strategy.domain.guide.EditionHeading;
import org.springframework.stereotype.Repository;

@Repository
public class MongoEditionStore implements EditionStore {
    private final EditionRepository editions;

    public MongoEditionStore(EditionRepository editions) {
        this.editions = editions;
    }

    @Override
    public void insert(Edition edition) {
        editions.insert(EditionDocument.of(edition));
    }

    @Override
    public void delete(Edition edition) {
        editions.deleteById(EditionDocument.idOf(edition.guideId(), edition.language(), edition.number()));
    }

    @Override
    public Optional<Edition> find(String guideId, String language, int number) {
        return editions.findById(EditionDocument.idOf(guideId, language, number)).map(EditionDocument::toDomain);
    }

    @Override
    public List<EditionHeading> headings(String guideId, String language) {
        return editions.findHeadings(guideId, language);
    }
}
