package org.civictaskforce.notification.persistence;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.civictaskforce.notification.application.PreferencesStore;
import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.EmailCadence;
import org.civictaskforce.notification.domain.Preferences;
import org.civictaskforce.notification.domain.QuietHours;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Preferences per person; a person without a document has the defaults. */
@Repository
public class MongoPreferencesStore implements PreferencesStore {
    private final MongoTemplate mongo;

    public MongoPreferencesStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Preferences of(String personId) {
        return find(personId).orElseGet(() -> Preferences.defaults(personId));
    }

    @Override
    public Optional<Preferences> find(String personId) {
        return Optional.ofNullable(mongo.findById(personId, PreferencesDocument.class)).map(MongoPreferencesStore::toDomain);
    }

    @Override
    public void save(Preferences preferences, Instant now) {
        Map<String, Boolean> channels = new LinkedHashMap<>();
        preferences.allChannels().forEach((channel, on) -> channels.put(channel.name(), on));
        QuietHours quiet = preferences.quietHours();
        mongo.save(new PreferencesDocument(preferences.personId(), channels, preferences.emailCadence().name(),
                preferences.digestTime().toString(), quiet == null ? null : quiet.from().toString(),
                quiet == null ? null : quiet.to().toString(), preferences.timeZone(), now));
    }

    @Override
    public void delete(String personId) {
        mongo.remove(Query.query(Criteria.where("_id").is(personId)), PreferencesDocument.class);
    }

    private static Preferences toDomain(PreferencesDocument doc) {
        Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
        if (doc.channels() != null) {
            doc.channels().forEach((name, on) -> {
                try {
                    channels.put(Channel.valueOf(name), on);
                } catch (IllegalArgumentException e) {
                    // a channel that no longer exists
                }
            });
        }
        QuietHours quiet = doc.quietFrom() == null || doc.quietTo() == null ? null
                : new QuietHours(LocalTime.parse(doc.quietFrom()), LocalTime.parse(doc.quietTo()));
        return new Preferences(doc.personId(), channels,
                doc.emailCadence() == null ? null : EmailCadence.valueOf(doc.emailCadence()),
                doc.digestTime() == null ? null : LocalTime.parse(doc.digestTime()), quiet, doc.timeZone());
    }
}
