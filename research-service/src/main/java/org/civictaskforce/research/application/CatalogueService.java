package org.civictaskforce.research.application;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.civictaskforce.platform.outbox.OptimisticRetry;
import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.Standard;
import org.civictaskforce.research.domain.StandardCorrection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Loads the catalogue file on first start and answers the catalogue reads. */
@Service
public class CatalogueService implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CatalogueService.class);

    private static final java.time.Duration LOAD_POLL = java.time.Duration.ofSeconds(2);

    private final CatalogueStore store;
    private final SearchService search;
    private final Clock clock;

    public CatalogueService(CatalogueStore store, SearchService search, Clock clock) {
        this.store = store;
        this.search = search;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        var catalogue = CatalogueFile.read(CatalogueFile.CURRENT);
        // another replica may be loading it; a load left half done by a stopped process is taken over
        // once its claim has expired, so this waits at most that long
        while (!store.isLoaded(catalogue.version())) {
            if (store.loadOnce(catalogue)) {
                log.info("catalogue v{} loaded: {} institutions, {} countries, {} relations", catalogue.version(),
                        catalogue.institutions().size(), catalogue.countries().size(),
                        catalogue.relations().size());
                break;
            }
            log.info("catalogue v{} is being loaded elsewhere; waiting", catalogue.version());
            Thread.sleep(LOAD_POLL.toMillis());
        }
        // every start: what is in the catalogue and not yet announced (a first load, an entry added or
        // renamed by a new catalogue version, or a load before this announcement existed) is announced
        // once; membership checks decisions on target institutions against these
        List<String> announced = store.announceCatalogue(clock.instant());
        if (!announced.isEmpty()) {
            log.info("catalogue: {} institutions announced", announced.size());
        }
        search.startUp(store.institutions(null, org.springframework.data.domain.PageRequest.of(0, 10_000))
                .getContent());
    }

    public Page<Institution> institutions(String kind, Pageable page) {
        return store.institutions(kind, page);
    }

    public Institution institution(String id) {
        return store.institution(id).orElseThrow(() -> new NotFoundException("institution", id));
    }

    public List<Country> countries() {
        return store.countries();
    }

    public Country country(String code) {
        return store.country(normalise(code)).orElseThrow(() -> new NotFoundException("country", code));
    }

    public List<CountryRelation> relations(String code) {
        return store.relations(country(code).code());
    }

    /** A coordinator's correction; the replaced version stays in the history. */
    public Standard correctStandard(String institutionId, String standardId, StandardCorrection.Text text,
            String reason) {
        institution(institutionId);
        Standard corrected = OptimisticRetry.run(() -> store.correctStandard(institutionId,
                i -> StandardCorrection.of(i, standardId, text, reason, clock.instant()))).current();
        search.indexInstitution(institution(institutionId));
        return corrected;
    }

    /** The current version of a standard and the versions it replaced, newest first. */
    public List<Standard> standardVersions(String institutionId, String standardId) {
        Standard current = institution(institutionId).standards().stream().filter(s -> s.id().equals(standardId))
                .findFirst().orElseThrow(() -> new NotFoundException("standard", institutionId + "/" + standardId));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(current),
                store.standardHistory(institutionId, standardId).stream()).toList();
    }

    private static String normalise(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }
}
