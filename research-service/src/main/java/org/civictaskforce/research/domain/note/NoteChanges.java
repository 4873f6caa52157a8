package org.civictaskforce.research.domain.note;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of the note, compared by finding id and version: findings added,
 * removed, and changed (a new version of the finding, another place, or other catalogue facts under it —
 * e.g. a corrected standard). {@code previousNumber} is null for the first version, where every finding is
 * added.
 */
public record NoteChanges(Integer previousNumber, List<Entry> added, List<Entry> removed, List<Changed> changed) {

    public NoteChanges {
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
        changed = changed == null ? List.of() : List.copyOf(changed);
    }

    public record Entry(String findingId, int version, String institutionId, String country) {
    }

    public record Changed(String findingId, int fromVersion, int toVersion, String institutionId, String country,
            List<String> what) {
        public Changed {
            what = what == null ? List.of() : List.copyOf(what);
        }
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public static NoteChanges between(Integer previousNumber, NoteContent previous, NoteContent next) {
        Map<String, NoteContent.Placement> before = previous == null ? Map.of() : previous.placements();
        Map<String, NoteContent.Placement> after = next.placements();
        List<Entry> added = new ArrayList<>();
        List<Entry> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        after.forEach((id, now) -> {
            NoteContent.Placement was = before.get(id);
            if (was == null) {
                added.add(entry(now));
                return;
            }
            List<String> what = new ArrayList<>();
            if (was.finding().version() != now.finding().version()) {
                what.add("finding version " + was.finding().version() + " → " + now.finding().version());
            }
            if (!was.institutionId().equals(now.institutionId()) || !was.country().equals(now.country())) {
                what.add("moved from " + was.institutionId() + "/" + was.country());
            }
            if (!Objects.equals(was.finding().standards(), now.finding().standards())) {
                what.add("standards it rests on");
            }
            if (what.isEmpty() && !was.finding().equals(now.finding())) {
                what.add("content");
            }
            if (!what.isEmpty()) {
                changed.add(new Changed(id, was.finding().version(), now.finding().version(), now.institutionId(),
                        now.country(), what));
            }
        });
        before.forEach((id, was) -> {
            if (!after.containsKey(id)) {
                removed.add(entry(was));
            }
        });
        return new NoteChanges(previousNumber, added, removed, changed);
    }

    private static Entry entry(NoteContent.Placement p) {
        return new Entry(p.finding().findingId(), p.finding().version(), p.institutionId(), p.country());
    }
}
