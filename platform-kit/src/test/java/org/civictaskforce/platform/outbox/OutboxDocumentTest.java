package org.civictaskforce.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.civictaskforce.platform.outbox.KitTestApplication.WidgetChanged;
import org.junit.jupiter.api.Test;

/** What waits in an outbox: events in order, and of the keyed records only the latest per binding and key. */
class OutboxDocumentTest {
    private final DomainEvents domainEvents = new DomainEvents("kit-test",
            Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC));

    record Contact(String name) {
    }

    @Test
    void aKeyedRecordReplacesTheUnsentOneForTheSameBindingAndKeyAndNothingElse() {
        OutboxDocument document = new OutboxDocument() {
        };
        OutboxEvent event = domainEvents.wrap("p-1", new WidgetChanged("p-1", 1, false));
        OutboxEvent first = domainEvents.keyedRecord("contacts-out-0", "p-1", new Contact("Aibek"));
        OutboxEvent otherKey = domainEvents.keyedRecord("contacts-out-0", "p-2", new Contact("Dana"));
        OutboxEvent otherBinding = domainEvents.keyedRecord("elsewhere-out-0", "p-1", new Contact("Aibek"));
        document.append(List.of(event, first, otherKey, otherBinding));

        OutboxEvent tombstone = domainEvents.keyedRecord("contacts-out-0", "p-1", null);
        document.append(List.of(tombstone));

        assertThat(document.getOutbox()).containsExactly(event, otherKey, otherBinding, tombstone);
        assertThat(tombstone.payload()).as("a tombstone has no value").isNull();
        assertThat(tombstone.isEvent()).isFalse();
        assertThat(event.isEvent()).isTrue();
        assertThat(first.payload()).isEqualTo("{\"name\":\"Aibek\"}");
    }

    @Test
    void eventsAreNeverReplaced() {
        OutboxDocument document = new OutboxDocument() {
        };
        OutboxEvent one = domainEvents.wrap("p-1", new WidgetChanged("p-1", 1, false));
        OutboxEvent two = domainEvents.wrap("p-1", new WidgetChanged("p-1", 1, false));
        document.append(List.of(one));
        document.append(List.of(two));

        assertThat(document.getOutbox()).containsExactly(one, two);
    }
}
