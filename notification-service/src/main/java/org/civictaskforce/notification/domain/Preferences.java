package org.civictaskforce.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.civictaskforce.platform.problem.InvalidRequestException;

/**
 * How a person wants to be told: which channels are on, whether e-mail comes at once or as one daily
 * digest (at {@code digestTime}, their time), and quiet hours in which no e-mail goes out. Times are
 * read in {@code timeZone} if the person set one here, else in the zone of their contact record.
 * Someone who never set preferences gets every channel, at once, at any hour.
 */
public record Preferences(String personId, Map<Channel, Boolean> channels, EmailCadence emailCadence,
        LocalTime digestTime, QuietHours quietHours, String timeZone) {
    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(8, 0);
    public static final String DEFERRED_QUIET_HOURS = "deferred: quiet hours";
    public static final String DEFERRED_DIGEST = "deferred: daily digest";
    public static final String SWITCHED_OFF = "channel switched off by the recipient";

    public Preferences {
        Objects.requireNonNull(personId, "personId");
        Map<Channel, Boolean> copy = new EnumMap<>(Channel.class);
        if (channels != null) {
            channels.forEach((channel, on) -> copy.put(channel, on == null || on));
        }
        channels = Map.copyOf(copy);
        emailCadence = emailCadence == null ? EmailCadence.IMMEDIATE : emailCadence;
        digestTime = digestTime == null ? DEFAULT_DIGEST_TIME : digestTime;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                throw new InvalidRequestException("unknown time zone");
            }
        } else {
            timeZone = null;
        }
    }

    public static Preferences defaults(String personId) {
        return new Preferences(personId, Map.of(), EmailCadence.IMMEDIATE, DEFAULT_DIGEST_TIME, null, null);
    }

    public boolean enabled(Channel channel) {
        return channels.getOrDefault(channel, true);
    }

    public Map<Channel, Boolean> allChannels() {
        Map<Channel, Boolean> all = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            all.put(channel, enabled(channel));
        }
        return all;
    }

    /** The zone their times are read in: the one set here, else the contact record's, else UTC. */
    public ZoneId zone(String contactTimeZone) {
        return LocalTimes.zone(timeZone != null ? timeZone : contactTimeZone);
    }

    /** The first digest time strictly after {@code instant}, in the zone. */
    public Instant digestSlotAfter(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime slot = local.toLocalDate().atTime(digestTime).atZone(zone);
        if (!slot.isAfter(local)) {
            slot = local.toLocalDate().plusDays(1).atTime(digestTime).atZone(zone);
        }
        return slot.toInstant();
    }

    /** The latest digest time at or before {@code instant}: the digest now being sent. */
    public Instant digestSlotAtOrBefore(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime slot = local.toLocalDate().atTime(digestTime).atZone(zone);
        if (slot.isAfter(local)) {
            slot = local.toLocalDate().minusDays(1).atTime(digestTime).atZone(zone);
        }
        return slot.toInstant();
    }

    /** The local date a digest slot belongs to; it names that day's digest. */
    public LocalDate digestDay(Instant slot, ZoneId zone) {
        return slot.atZone(zone).toLocalDate();
    }

    /** An e-mail held back until {@code until}, for {@code reason}. */
    public record Deferral(Instant until, String reason) {
    }

    /**
     * Whether an e-mail queued at {@code queuedAt} must wait at {@code now}: until the next digest
     * after it was queued (digest cadence), and out of quiet hours.
     */
    public Optional<Deferral> emailDeferral(Instant queuedAt, Instant now, ZoneId zone) {
        Instant notBefore = now;
        String reason = null;
        if (emailCadence == EmailCadence.DAILY_DIGEST) {
            Instant slot = digestSlotAfter(queuedAt, zone);
            if (slot.isAfter(now)) {
                notBefore = slot;
                reason = DEFERRED_DIGEST;
            }
        }
        if (quietHours != null && quietHours.contains(notBefore, zone)) {
            notBefore = quietHours.endAfter(notBefore, zone);
            reason = reason == null ? DEFERRED_QUIET_HOURS : reason + ", " + DEFERRED_QUIET_HOURS;
        }
        return notBefore.isAfter(now) ? Optional.of(new Deferral(notBefore, reason)) : Optional.empty();
    }
}
