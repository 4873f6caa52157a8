package org.civictaskforce.notification.web;

import java.util.Map;

import org.civictaskforce.notification.domain.Channel;
import org.civictaskforce.notification.domain.EmailCadence;
import org.civictaskforce.notification.domain.Preferences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A person's preferences as read and written over HTTP: {@code channels} on/off (a channel left out
 * stays on), {@code emailCadence} {@code IMMEDIATE} or {@code DAILY_DIGEST}, {@code digestTime} and
 * {@code quietHours} as {@code HH:mm} in {@code timeZone} (or the contact record's zone if null).
 */
public record PreferencesView(Map<Channel, Boolean> channels, @NotNull EmailCadence emailCadence,
        @Pattern(regexp = PreferencesView.TIME) String digestTime, @Valid QuietHoursView quietHours,
        @Pattern(regexp = "[A-Za-z0-9_+\\-/]{1,64}") String timeZone) {
    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    public record QuietHoursView(@NotNull @Pattern(regexp = TIME) String from,
            @NotNull @Pattern(regexp = TIME) String to) {
    }

    static PreferencesView of(Preferences p) {
        return new PreferencesView(p.allChannels(), p.emailCadence(), p.digestTime().toString(),
                p.quietHours() == null ? null
                        : new QuietHoursView(p.quietHours().from().toString(), p.quietHours().to().toString()),
                p.timeZone());
    }
}
