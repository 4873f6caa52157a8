package org.civictaskforce.research.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.research.InstitutionStandardCorrected;
import org.civictaskforce.platform.problem.NotFoundException;
import org.junit.jupiter.api.Test;

class StandardCorrectionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Source SOURCE = new Source("https://example.org/a", "high", false);
    private final Institution wb = new Institution("wb", "World Bank", "ifi", List.of(
            new Standard("wb-esf", "ESF", 2016, "s", null, SOURCE, 1, null, null),
            new Standard("wb-ati", "ATI", 2010, "s", null, SOURCE, 1, null, null)), null);
    private final StandardCorrection.Text text = new StandardCorrection.Text("ATI (2015 update)", 2015, "new",
            null, new Source("https://example.org/b", "medium", true));

    @Test
    void aCorrectionReplacesTheStandardWithTheNextVersionAndKeepsThePrevious() {
        StandardCorrection c = StandardCorrection.of(wb, "wb-ati", text, "checked", NOW);

        assertThat(c.previous()).isEqualTo(wb.standards().get(1));
        assertThat(c.current().version()).isEqualTo(2);
        assertThat(c.current().correctedAt()).isEqualTo(NOW);
        assertThat(c.current().correctionReason()).isEqualTo("checked");
        assertThat(c.current().source().unverified()).isTrue();
        assertThat(c.institution().standards()).extracting(Standard::id).containsExactly("wb-esf", "wb-ati");
        assertThat(c.institution().standards().get(0)).isEqualTo(wb.standards().get(0));
        assertThat(c.events()).containsExactly(new InstitutionStandardCorrected("wb", "wb-ati", 2, NOW));
    }

    @Test
    void aSecondCorrectionCountsOn() {
        Institution once = StandardCorrection.of(wb, "wb-ati", text, "one", NOW).institution();
        assertThat(StandardCorrection.of(once, "wb-ati", text, "two", NOW).current().version()).isEqualTo(3);
    }

    @Test
    void anUnknownStandardIsNotFound() {
        assertThatThrownBy(() -> StandardCorrection.of(wb, "wb-none", text, "x", NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void institutionIdsAreTheDecisionIds() {
        assertThatThrownBy(() -> new Institution("ifc_miga", "IFC", "ifi", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Institution("-wb", "WB", "ifi", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Institution("un-ctc-cted", "CTED", "security", null, null).standards()).isEmpty();
    }
}
