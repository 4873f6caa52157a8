package org.civictaskforce.platform.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Wakes the relay when a document with pending events has been saved in this process, so a command's
 * events are on the broker milliseconds after its answer. Writes that bypass the mapping layer (raw
 * collection updates) and other replicas' writes are found by the relay's poll.
 */
public class OutboxWakeUp extends AbstractMongoEventListener<OutboxDocument> {
    private final OutboxRelay relay;

    public OutboxWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxDocument> event) {
        if (!event.getSource().getOutbox().isEmpty()) {
            relay.wake();
        }
    }
}
