package org.civictaskforce.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civictaskforce.contracts.EventEnvelope;
import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.contracts.EventTypes;
import org.civictaskforce.contracts.Topics;
import org.civictaskforce.contracts.membership.MemberInvited;
import org.civictaskforce.contracts.membership.PersonRegistered;
import org.junit.jupiter.api.Test;

class EventRouterTest {
    private final List<Object> handled = new ArrayList<>();
    private final EventRouter router = new EventRouter()
            .on(PersonRegistered.class, (envelope, event) -> handled.add(event));

    @Test
    void handsARoutedEventToItsHandlerAsItsRecord() {
        PersonRegistered event = new PersonRegistered("p-1", "KZ", "ru", Instant.parse("2025-03-01T10:00:00Z"));

        assertThat(router.dispatch(record(envelope("org.civictaskforce.membership.person.registered", event))))
                .hasValueSatisfying(envelope -> assertThat(envelope.id()).isEqualTo("e-1"));
        assertThat(handled).containsExactly(event);
    }

    @Test
    void ignoresTypesNobodyRegisteredFor() {
        MemberInvited event = new MemberInvited("p-1", "i-1", Instant.now(), Instant.now());

        assertThat(router.dispatch(record(envelope(EventTypes.typeOf(MemberInvited.class), event)))).isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void refusesARecordThatIsNotAnEnvelopeAsMalformed() {
        assertThatThrownBy(() -> router.dispatch(record("{not json")))
                .isInstanceOf(MalformedEventException.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void refusesAPayloadThatDoesNotMatchItsContractAsMalformed() {
        String json = envelope(EventTypes.typeOf(PersonRegistered.class), java.util.Map.of("registeredAt", "yesterday"));

        assertThatThrownBy(() -> router.dispatch(record(json))).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void refusesTwoHandlersForOneType() {
        assertThatThrownBy(() -> router.on(PersonRegistered.class, (envelope, event) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String envelope(String type, Object data) {
        return EventJson.write(new EventEnvelope(null, "e-1", "/membership-service", type, "p-1", Instant.now(), null, 1,
                "c-1", EventJson.MAPPER.valueToTree(data)));
    }

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>(Topics.MEMBERSHIP_EVENTS, 0, 0L, "p-1", value);
    }
}
