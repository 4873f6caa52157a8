package org.civictaskforce.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.civictaskforce.contracts.membership.OrganisationRegistered;
import org.civictaskforce.contracts.membership.OrganisationStatusChanged;
import org.civictaskforce.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class OrganisationTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static NewOrganisation details(String website) {
        return new NewOrganisation(" Open Steppe ", "kz", OrganisationKind.HUMAN_RIGHTS,
                List.of("Civic Space", "ifi-accountability"), website, "office@example.org", "+7 700 000 00 00");
    }

    private static Organisation candidate() {
        return Organisation.register("o-1", details("https://example.org"), NOW).organisation();
    }

    @Test
    void registrationNormalisesAndRaisesAnEventWithoutNameOrContact() {
        Organisation.Registration registration = Organisation.register("o-1", details(null), NOW);

        Organisation o = registration.organisation();
        assertThat(o.name()).isEqualTo("Open Steppe");
        assertThat(o.country()).isEqualTo("KZ");
        assertThat(o.focusAreas()).containsExactly("civic-space", "ifi-accountability");
        assertThat(o.status()).isEqualTo(OrganisationStatus.CANDIDATE);
        assertThat(registration.event()).isEqualTo(new OrganisationRegistered("o-1", "KZ", "HUMAN_RIGHTS",
                List.of("civic-space", "ifi-accountability"), NOW));
        assertThat(registration.event().toString()).doesNotContain("Open Steppe", "office@example.org");
    }

    @Test
    void badDetailsAreRefused() {
        assertThatThrownBy(() -> Organisation.register("o", details("ftp://example.org"), NOW))
                .hasMessageContaining("website");
        assertThatThrownBy(() -> Organisation.register("o", new NewOrganisation("A", "XX", OrganisationKind.MEDIA,
                null, null, null, null), NOW)).hasMessageContaining("country");
        assertThatThrownBy(() -> Organisation.register("o", new NewOrganisation(" ", "KZ", OrganisationKind.MEDIA,
                null, null, null, null), NOW)).hasMessageContaining("name");
        assertThatThrownBy(() -> Organisation.register("o", new NewOrganisation("A", "KZ", null, null, null, null,
                null), NOW)).hasMessageContaining("kind");
    }

    @Test
    void lifecycleCandidateInvitedMemberWithdrawn() {
        Organisation o = candidate();
        assertThat(o.invite(NOW)).isEqualTo(new OrganisationStatusChanged("o-1", "CANDIDATE", "INVITED", NOW));
        assertThat(o.join(NOW)).isEqualTo(new OrganisationStatusChanged("o-1", "INVITED", "MEMBER", NOW));
        assertThat(o.withdraw(NOW)).isEqualTo(new OrganisationStatusChanged("o-1", "MEMBER", "WITHDRAWN", NOW));
        assertThat(o.status()).isEqualTo(OrganisationStatus.WITHDRAWN);
    }

    @Test
    void impossibleTransitionsAreConflicts() {
        assertThatThrownBy(() -> candidate().join(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> candidate().withdraw(NOW)).isInstanceOf(ConflictException.class);
        Organisation invited = candidate();
        invited.invite(NOW);
        assertThatThrownBy(() -> invited.invite(NOW)).isInstanceOf(ConflictException.class);
        invited.withdraw(NOW);
        for (Runnable r : List.<Runnable>of(() -> invited.invite(NOW), () -> invited.join(NOW),
                () -> invited.withdraw(NOW))) {
            assertThatThrownBy(r::run).isInstanceOf(ConflictException.class);
        }
        assertThat(invited.status()).isEqualTo(OrganisationStatus.WITHDRAWN);
    }
}
