package org.civictaskforce.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailChannelTest {

    @Test
    void messageIdIsDerivedFromTheNotificationAndIsAValidDotAtom() {
        String id = EmailChannel.messageId("8f14e45f-ceea-467f-a1b2-0123456789ab:person-7");
        assertThat(id).isEqualTo("<8f14e45f-ceea-467f-a1b2-0123456789ab.person-7@civic-taskforce>");
        assertThat(EmailChannel.messageId("8f14e45f-ceea-467f-a1b2-0123456789ab:person-7")).isEqualTo(id);
    }
}
