package org.civictaskforce.research.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.civictaskforce.research.domain.Catalogue;
import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Standard;
import org.civictaskforce.research.domain.StandardCorrection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** The catalogue collections: institutions, countries, country × institution relations. */
public interface CatalogueStore {
    /**
     * Loads this catalogue version unless it was claimed before (by an earlier start or another
     * replica) and that claim is recent or done. Returns whether this call loaded it.
     */
    boolean loadOnce(Catalogue catalogue);

    /** Whether this catalogue version has been loaded completely. */
    boolean isLoaded(int version);

    Page<Institution> institutions(String kind, Pageable page);

    Optional<Institution> institution(String id);

    List<Country> countries();

    Optional<Country> country(String code);

    List<CountryRelation> relations(String countryCode);

    /**
     * Loads the institution, lets {@code decide} correct it, keeps the replaced version in the history
     * and saves the institution with the correction's events in its outbox (optimistic: a concurrent
     * change fails the save, to be retried).
     */
    StandardCorrection correctStandard(String institutionId, Function<Institution, StandardCorrection> decide);

    /**
     * Puts an {@code InstitutionCatalogued} in the outbox of every institution whose current name has
     * not been announced yet, in the same document save that marks it announced (optimistic: a
     * replica doing the same at the same time makes one of the saves fail, and its retry finds the
     * institution announced). Idempotent: a second call, or a restart, announces nothing new.
     *
     * @return the ids announced by this call
     */
    List<String> announceCatalogue(java.time.Instant now);

    /** The replaced versions of a standard, newest first. */
    List<Standard> standardHistory(String institutionId, String standardId);
}
