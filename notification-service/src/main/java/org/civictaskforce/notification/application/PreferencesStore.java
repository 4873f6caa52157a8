package org.civictaskforce.notification.application;

import java.time.Instant;
import java.util.Optional;

import org.civictaskforce.notification.domain.Preferences;

/** Preferences per person; a person without a document has the defaults. */
public interface PreferencesStore {
    Preferences of(String personId);

    Optional<Preferences> find(String personId);

    void save(Preferences preferences, Instant now);

    void delete(String personId);
}
