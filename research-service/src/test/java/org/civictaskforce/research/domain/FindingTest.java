package org.civictaskforce.research.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civictaskforce.contracts.research.FindingAccepted;
import org.civictaskforce.contracts.research.FindingReturned;
import org.civictaskforce.contracts.research.FindingSubmitted;
import org.civictaskforce.platform.problem.ConflictException;
import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.research.domain.Finding.FindingStatus;
import org.junit.jupiter.api.Test;

class FindingTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);
    private static final Finding.Citation CITATION = new Finding.Citation("https://example.org/esf", null, "p. 12",
            "short quote", LocalDate.parse("2026-11-30"));
    private static final Finding.Content CONTENT = new Finding.Content("statement", List.of(CITATION),
            List.of("wb-ess10"), "high");

    private static Assignment assignment(AssignmentStatus status) {
        return new Assignment("a-1", "p-1", "KZ", "wb", Strand.STANDARDS_AND_RULES, LocalDate.parse("2027-01-01"),
                status, T0, T0);
    }

    private static Finding submitted() {
        return Finding.submit("f-1", assignment(AssignmentStatus.IN_PROGRESS), CONTENT, T0).finding();
    }

    @Test
    void aFindingIsSubmittedOnAnAssignmentInProgressOrReturned() {
        Finding.Change c = Finding.submit("f-1", assignment(AssignmentStatus.RETURNED), CONTENT, T0);
        assertThat(c.finding().status()).isEqualTo(FindingStatus.SUBMITTED);
        assertThat(c.finding().versions()).singleElement().satisfies(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(c.finding().strand()).isEqualTo(Strand.STANDARDS_AND_RULES);
        assertThat(c.events()).containsExactly(new FindingSubmitted("f-1", "a-1", 1, T0));
        for (AssignmentStatus s : List.of(AssignmentStatus.ASSIGNED, AssignmentStatus.SUBMITTED,
                AssignmentStatus.ACCEPTED)) {
            assertThatThrownBy(() -> Finding.submit("f-1", assignment(s), CONTENT, T0))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void evidenceNeedsAtLeastOneCitationWithALinkOrADocument() {
        assertThatThrownBy(() -> new Finding.Content("s", List.of(), List.of(), "high"))
                .isInstanceOf(DomainRuleException.class);
        assertThatThrownBy(() -> new Finding.Content("s",
                List.of(new Finding.Citation(null, " ", "p. 1", "q", LocalDate.parse("2026-11-30"))), null, "high"))
                .isInstanceOf(DomainRuleException.class);
        assertThat(new Finding.Content("s",
                List.of(new Finding.Citation(null, "Annual report 2024", null, null, LocalDate.parse("2026-11-30"))),
                null, "low").standardIds()).isEmpty();
    }

    @Test
    void returnedThenResubmittedKeepsEveryVersionAndComment() {
        Finding.Change returned = submitted().returnForRevision("needs the page", "p-9", T1);
        assertThat(returned.finding().status()).isEqualTo(FindingStatus.RETURNED);
        assertThat(returned.finding().comments()).containsExactly(new Finding.Comment(1, "needs the page", T1));
        assertThat(returned.events()).containsExactly(new FindingReturned("f-1", "a-1", 1, T1, "p-9"));

        Finding.Change again = returned.finding().resubmit(CONTENT, T1.plusSeconds(1));
        assertThat(again.finding().status()).isEqualTo(FindingStatus.SUBMITTED);
        assertThat(again.finding().versions()).extracting(Finding.Version::version).containsExactly(1, 2);
        assertThat(again.finding().comments()).hasSize(1);
        assertThat(again.events()).containsExactly(new FindingSubmitted("f-1", "a-1", 2, T1.plusSeconds(1)));
    }

    @Test
    void aCommentAloneChangesNoStatusAndRaisesNoEvent() {
        Finding.Change c = submitted().comment("looks good", T1);
        assertThat(c.finding().status()).isEqualTo(FindingStatus.SUBMITTED);
        assertThat(c.events()).isEmpty();
        assertThatThrownBy(() -> submitted().returnForRevision("x", "p-9", T1).finding().returnForRevision("again", "p-9", T1))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyASubmittedFindingIsAcceptedAndAnAcceptedOneIsFinal() {
        Finding.Change accepted = submitted().accept(T1);
        assertThat(accepted.finding().status()).isEqualTo(FindingStatus.ACCEPTED);
        assertThat(accepted.events()).containsExactly(new FindingAccepted("f-1", "a-1", 1, T1));
        Finding done = accepted.finding();
        assertThatThrownBy(() -> done.accept(T1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> done.resubmit(CONTENT, T1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> done.comment("x", T1)).isInstanceOf(ConflictException.class);
        Finding returned = submitted().returnForRevision("x", "p-9", T1).finding();
        assertThatThrownBy(() -> returned.accept(T1)).isInstanceOf(ConflictException.class);
    }
}
