package org.civictaskforce.strategy.domain.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civictaskforce.contracts.strategy.ConsultationClosed;
import org.civictaskforce.contracts.strategy.ConsultationClosingSoon;
import org.civictaskforce.strategy.domain.guide.GuideRuleException;
import org.junit.jupiter.api.Test;

class ConsultationRoundTest {
    // 2026-12-20 18:00 in Almaty (UTC+5) is 13:00 UTC
    static final LocalDateTime DEADLINE = LocalDateTime.parse("2026-12-20T18:00:00");
    static final Instant OPENED = Instant.parse("2026-12-10T09:00:00Z");

    ConsultationRound open() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("goals", "Open budgets\nSafe participation");
        sections.put("risks", "Reprisals");
        return ConsultationRound.open("r-1", ConsultationRound.SubjectKind.STRATEGY_VERSION, "1", sections, DEADLINE,
                "Asia/Almaty", List.of("org-1"), List.of("p-1"), Set.of("p-1", "p-2"), OPENED, "coord").round();
    }

    @Test
    void theDeadlineIsALocalTimeInItsZoneKeptAsAnInstant() {
        ConsultationRound round = open();
        assertThat(round.deadline()).isEqualTo(Instant.parse("2026-12-20T13:00:00Z"));
        assertThat(round.deadlineLocal()).isEqualTo("2026-12-20 18:00:00 Asia/Almaty");
    }

    @Test
    void closesOnceAtItsDeadlineAndRefusesLateComments() {
        ConsultationRound round = open();
        ConsultationRound.Author author = new ConsultationRound.Author("p-1", List.of(), "KZ");
        round.comment("c-1", author, "goals", "Open budgets", "Yes", Instant.parse("2026-12-20T12:59:59Z"));
        assertThat(round.closeIfDue(Instant.parse("2026-12-20T12:59:59Z"))).isEmpty();
        // past the deadline, not closed yet by the clock: still refused
        assertThatThrownBy(() -> round.comment("c-2", author, "goals", null, "late", Instant.parse("2026-12-20T13:00:00Z")))
                .isInstanceOf(GuideRuleException.class).hasMessageContaining("2026-12-20 18:00:00 Asia/Almaty");
        List<Object> closed = round.closeIfDue(Instant.parse("2026-12-21T08:00:00Z")); // the service was down
        assertThat(closed).singleElement().isInstanceOfSatisfying(ConsultationClosed.class,
                e -> assertThat(e.comments()).isEqualTo(1));
        assertThat(round.closeIfDue(Instant.parse("2026-12-21T08:00:01Z"))).isEmpty();
        assertThat(round.status()).isEqualTo(ConsultationRound.Status.CLOSED);
    }

    @Test
    void closingSoonIsRaisedOnceWithin24Hours() {
        ConsultationRound round = open();
        assertThat(round.remindIfClosingSoon(Instant.parse("2026-12-19T12:00:00Z"), Set.of("p-1"))).isEmpty();
        assertThat(round.remindIfClosingSoon(Instant.parse("2026-12-19T13:30:00Z"), Set.of("p-1")))
                .singleElement().isInstanceOf(ConsultationClosingSoon.class);
        assertThat(round.remindIfClosingSoon(Instant.parse("2026-12-19T14:00:00Z"), Set.of("p-1"))).isEmpty();
    }

    @Test
    void quotesMustOccurInTheirSectionAndInviteesAreByPersonOrOrganisation() {
        ConsultationRound round = open();
        assertThat(round.invites("p-1", List.of())).isTrue();
        assertThat(round.invites("p-9", List.of("org-1"))).isTrue();
        assertThat(round.invites("p-9", List.of("org-2"))).isFalse();
        assertThatThrownBy(() -> round.comment("c", new ConsultationRound.Author("p-1", List.of(), null), "risks",
                "Open budgets", "x", OPENED)).hasMessageContaining("does not occur in section risks");
    }

    @Test
    void participationCountsOrganisationsOnceAndIndependentExpertsByPerson() {
        ConsultationRound round = open();
        Instant t = OPENED.plusSeconds(60);
        round.comment("c1", new ConsultationRound.Author("a", List.of("org-1"), "KZ"), "goals", null, "x", t);
        round.comment("c2", new ConsultationRound.Author("b", List.of("org-1"), "KZ"), "goals", null, "x", t);
        round.comment("c3", new ConsultationRound.Author("c", List.of(), "KG"), "goals", null, "x", t);
        ConsultationRound.Participation p = round.participation();
        assertThat(p.people()).isEqualTo(3);
        assertThat(p.organisations()).isEqualTo(1);
        assertThat(p.organisationsAndExperts()).isEqualTo(2);
        assertThat(p.countries()).isEqualTo(2);
        assertThat(p.targetMet()).isFalse();
    }
}
