package org.civictaskforce.membership.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code membership.contacts-topic.*}: how soon Kafka really forgets an erased person's contact record.
 * Compaction only works on closed segments, and a segment only closes when a record is appended after
 * {@code segment} has passed; {@link ContactsSegmentRoll} appends a marker for that. Together:
 * after erasure, the contact record is unreadable within {@code segment} + {@code segment}/2 (the marker's
 * check) + {@code maxCompactionLag} + the broker's cleaner back-off (15 s): under 10 minutes by default.
 *
 * @param segment                how long a segment stays open (1 min: small segments of a small topic)
 * @param maxCompactionLag       the longest a superseded record may stay uncompacted, whatever the dirty
 *                               ratio (5 min)
 * @param minCleanableDirtyRatio compact as soon as a tenth of the log is superseded (the default is half)
 * @param deleteRetention        how long the tombstone itself stays, so a consumer that was down sees it
 *                               (1 day; the tombstone names only the person id, and {@code PersonErased} on
 *                               the events topic tells every consumer too)
 */
@ConfigurationProperties("membership.contacts-topic")
public record ContactsTopicProperties(
        @DefaultValue("1m") Duration segment,
        @DefaultValue("5m") Duration maxCompactionLag,
        @DefaultValue("0.1") double minCleanableDirtyRatio,
        @DefaultValue("1d") Duration deleteRetention) {
}
