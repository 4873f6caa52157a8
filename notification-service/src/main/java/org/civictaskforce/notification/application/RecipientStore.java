package org.civictaskforce.notification.application;

import java.time.Instant;
import java.util.Optional;

import org.civictaskforce.notification.domain.Recipient;

/** Recipients by person id. Saving replaces the whole record, so re-applying a contact record is harmless. */
public interface RecipientStore {
    void save(Recipient recipient, Instant now);

    Optional<Recipient> find(String personId);

    void delete(String personId);
}
