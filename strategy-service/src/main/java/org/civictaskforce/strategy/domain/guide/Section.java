package org.civictaskforce.strategy.domain.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A section of the guide in its source language, with every revision of its text (oldest first). */
public record Section(String key, List<SectionRevision> revisions) {
    public Section {
        revisions = List.copyOf(revisions);
    }

    public SectionRevision current() {
        return revisions.get(revisions.size() - 1);
    }

    public int revision() {
        return current().revision();
    }

    public Optional<SectionRevision> at(int revision) {
        return revisions.stream().filter(r -> r.revision() == revision).findFirst();
    }

    Section with(SectionRevision next) {
        List<SectionRevision> all = new ArrayList<>(revisions);
        all.add(next);
        return new Section(key, all);
    }
}
