package org.civictaskforce.strategy.web;

import java.util.List;

import org.civictaskforce.strategy.domain.guide.Guide;
import org.civictaskforce.strategy.domain.guide.SectionRevision;

/** What changed in the source since the revision a translation is based on. */
public record SourceDiffResponse(String sectionKey, String language, SourceText basedOn, SourceText current,
        List<DiffLine> lines) {

    public record SourceText(int revision, String title, String body) {
        static SourceText of(SectionRevision r) {
            return new SourceText(r.revision(), r.title(), r.body());
        }
    }

    /** {@code op}: SAME, REMOVED or ADDED. */
    public record DiffLine(String op, String text) {
    }

    static SourceDiffResponse from(Guide.SourceDiff d) {
        return new SourceDiffResponse(d.sectionKey(), d.language(), SourceText.of(d.basedOn()), SourceText.of(d.current()),
                d.lines().stream().map(l -> new DiffLine(l.op().name(), l.text())).toList());
    }
}
