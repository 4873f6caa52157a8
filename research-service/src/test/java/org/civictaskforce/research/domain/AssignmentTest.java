package org.civictaskforce.research.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civictaskforce.research.domain.AssignmentStatus.ACCEPTED;
import static org.civictaskforce.research.domain.AssignmentStatus.ASSIGNED;
import static org.civictaskforce.research.domain.AssignmentStatus.IN_PROGRESS;
import static org.civictaskforce.research.domain.AssignmentStatus.RETURNED;
import static org.civictaskforce.research.domain.AssignmentStatus.SUBMITTED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.civictaskforce.contracts.research.AssignmentCreated;
import org.civictaskforce.contracts.research.AssignmentStatusChanged;
import org.civictaskforce.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2027-01-15");

    private static Assignment in(AssignmentStatus status) {
        return new Assignment("a-1", "p-1", "KZ", "wb", Strand.STANDARDS_AND_RULES, DUE, status, NOW, NOW);
    }

    @Test
    void aNewAssignmentIsAssignedAndSaysSo() {
        Assignment.Change created = Assignment.create("a-1", "p-1", "KZ", "wb", Strand.LEGAL_AND_POLITICAL_RELATIONS,
                DUE, NOW);
        assertThat(created.assignment().status()).isEqualTo(ASSIGNED);
        assertThat(created.events()).containsExactly(new AssignmentCreated("a-1", "p-1", "KZ", "wb",
                "LEGAL_AND_POLITICAL_RELATIONS", DUE, NOW));
    }

    @Test
    void theLifecycleAllowsExactlyThePlannedTransitions() {
        Map<AssignmentStatus, Set<AssignmentStatus>> allowed = Map.of(
                ASSIGNED, Set.of(IN_PROGRESS),
                IN_PROGRESS, Set.of(SUBMITTED),
                SUBMITTED, Set.of(RETURNED, ACCEPTED),
                RETURNED, Set.of(IN_PROGRESS, SUBMITTED),
                ACCEPTED, Set.of());
        Instant later = NOW.plusSeconds(60);
        for (AssignmentStatus from : AssignmentStatus.values()) {
            for (AssignmentStatus to : AssignmentStatus.values()) {
                if (allowed.get(from).contains(to)) {
                    Assignment.Change moved = in(from).moveTo(to, later);
                    assertThat(moved.assignment().status()).isEqualTo(to);
                    assertThat(moved.assignment().updatedAt()).isEqualTo(later);
                    assertThat(moved.assignment().createdAt()).isEqualTo(NOW);
                    assertThat(moved.events()).containsExactly(
                            new AssignmentStatusChanged("a-1", from.name(), to.name(), later,
                                    in(from).expertId(), in(from).dueDate()));
                } else {
                    assertThatThrownBy(() -> in(from).moveTo(to, later)).as("%s -> %s", from, to)
                            .isInstanceOf(ConflictException.class);
                }
            }
        }
        assertThat(EnumSet.allOf(AssignmentStatus.class).stream().filter(s -> !ACCEPTED.canMoveTo(s))).hasSize(5);
    }

    @Test
    void moreThanThreeExpertsInACountryIsWarnedNotRefused() {
        assertThat(Assignment.expertWarnings("KZ", Set.of("p-1"))).isEmpty();
        assertThat(Assignment.expertWarnings("KZ", Set.of("p-1", "p-2", "p-3"))).isEmpty();
        assertThat(Assignment.expertWarnings("KZ", Set.of("p-1", "p-2", "p-3", "p-4"))).singleElement()
                .asString().contains("KZ").contains("4 experts").contains("1–3");
    }
}
