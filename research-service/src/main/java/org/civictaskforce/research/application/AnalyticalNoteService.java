package org.civictaskforce.research.application;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.platform.problem.NotFoundException;
import org.civictaskforce.research.domain.Country;
import org.civictaskforce.research.domain.CountryRelation;
import org.civictaskforce.research.domain.Institution;
import org.civictaskforce.research.domain.note.NoteChanges;
import org.civictaskforce.research.domain.note.NoteContent;
import org.civictaskforce.research.domain.note.NoteVersion;
import org.springframework.stereotype.Service;

/**
 * The analytical note: a draft compiled now from the accepted findings and the catalogue, and the
 * published versions (TODO(identity): publishing is a coordinator's action).
 */
@Service
public class AnalyticalNoteService {
    private final AcceptedFindingQueries findings;
    private final CatalogueStore catalogue;
    private final AnalyticalNoteStore versions;
    private final Clock clock;

    public AnalyticalNoteService(AcceptedFindingQueries findings, CatalogueStore catalogue, AnalyticalNoteStore versions,
            Clock clock) {
        this.findings = findings;
        this.catalogue = catalogue;
        this.versions = versions;
        this.clock = clock;
    }

    /** The note as it would be published now, with what would change against the latest version. */
    public record Draft(Integer latestNumber, NoteContent content, NoteChanges changes) {
    }

    public Draft draft() {
        NoteContent content = compile();
        Optional<NoteVersion> latest = versions.latest();
        return new Draft(latest.map(NoteVersion::number).orElse(null), content,
                NoteChanges.between(latest.map(NoteVersion::number).orElse(null),
                        latest.map(NoteVersion::content).orElse(null), content));
    }

    public NoteVersion publish() {
        NoteVersion.Publication publication = NoteVersion.publish(versions.latest(), compile(), clock.instant());
        versions.insert(publication);
        return publication.version();
    }

    public List<AnalyticalNoteStore.Summary> versions() {
        return versions.summaries();
    }

    public NoteVersion version(int number) {
        return versions.find(number).orElseThrow(() -> new NotFoundException("analytical note version",
                String.valueOf(number)));
    }

    private NoteContent compile() {
        Map<String, Optional<Institution>> institutions = new HashMap<>();
        Map<String, Optional<Country>> countries = new HashMap<>();
        Map<String, List<CountryRelation>> relations = new HashMap<>();
        return NoteContent.compile(findings.accepted(),
                id -> institutions.computeIfAbsent(id, catalogue::institution),
                code -> countries.computeIfAbsent(code, catalogue::country),
                (code, institutionId) -> relations.computeIfAbsent(code, catalogue::relations).stream()
                        .filter(r -> institutionId.equals(r.institutionId())).findFirst());
    }
}
