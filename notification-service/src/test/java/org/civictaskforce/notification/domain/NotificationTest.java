package org.civictaskforce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NotificationTest {

    @Test
    void idIsDerivedFromEventAndPerson() {
        Notification n = Notification.of("e1", "type", "member-invited", "p1", Instant.EPOCH,
                new TemplateParameters(Map.of(), Map.of()), Set.of(Channel.EMAIL));
        assertThat(n.id()).isEqualTo("e1:p1");
    }

    @Test
    void needsAChannel() {
        assertThatThrownBy(() -> Notification.of("e1", "type", "t", "p1", Instant.EPOCH,
                new TemplateParameters(null, null), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recipientNeverPrintsContactDetails() {
        Recipient r = new Recipient("p1", "Айгуль", "aigul@example.org", "kk", "Asia/Almaty");
        assertThat(r.toString()).contains("p1").doesNotContain("aigul").doesNotContain("Айгуль");
    }
}
