package org.civictaskforce.contracts;

/** Stable topic names. One events topic per producing service, keyed by aggregate id. */
public final class Topics {
    public static final String MEMBERSHIP_EVENTS = "membership.events.v1";
    /** Compacted, keyed by person id: the latest contact record per person; a tombstone erases it. */
    public static final String MEMBERSHIP_CONTACTS = "membership.contacts.v1";
    /**
     * The key of the marker tombstone membership appends to {@link #MEMBERSHIP_CONTACTS} so that Kafka closes
     * the segment holding an erased person's tombstone and compacts their record away. It is nobody's
     * contact: consumers skip it.
     */
    public static final String CONTACTS_SEGMENT_ROLL_KEY = "~segment-roll";
    public static final String RESEARCH_EVENTS = "research.events.v1";
    public static final String STRATEGY_EVENTS = "strategy.events.v1";
    public static final String NOTIFICATION_EVENTS = "notification.events.v1";

    /** Partitions of every events topic, so consumers can scale out. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }

    /** Where one consumer group parks the records it could not process. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlt";
    }
}
