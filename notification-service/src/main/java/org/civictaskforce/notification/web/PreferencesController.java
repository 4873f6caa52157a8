package org.civictaskforce.notification.web;

import java.time.LocalTime;

import org.civictaskforce.notification.application.PreferencesService;
import org.civictaskforce.notification.domain.Preferences;
import org.civictaskforce.notification.domain.QuietHours;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.Operation;

/**
 * A person's notification preferences. Someone who never set any gets the defaults (every channel, at
 * once, at any hour).
 *
 * <p>Only the person themself reads and changes them (403 for anyone else, a coordinator too).
 */
@RestController
@Validated
@RequestMapping("/api/notifications/preferences/{personId}")
public class PreferencesController {
    private final PreferencesService preferences;

    public PreferencesController(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "One's notification preferences")
    public PreferencesView get(@PathVariable @Pattern(regexp = InboxController.ID) String personId) {
        InboxController.requireOwn(personId);
        return PreferencesView.of(preferences.of(personId));
    }

    /** Replaces them; the answer is what is now in force. 400 for an unknown zone or equal quiet-hour ends. */
    @PutMapping
    @Operation(summary = "Replace one's notification preferences")
    public PreferencesView put(@PathVariable @Pattern(regexp = InboxController.ID) String personId,
            @RequestBody @Valid PreferencesView body) {
        InboxController.requireOwn(personId);
        QuietHours quiet = body.quietHours() == null ? null
                : new QuietHours(LocalTime.parse(body.quietHours().from()), LocalTime.parse(body.quietHours().to()));
        return PreferencesView.of(preferences.replace(new Preferences(personId, body.channels(), body.emailCadence(),
                body.digestTime() == null ? null : LocalTime.parse(body.digestTime()), quiet, body.timeZone())));
    }
}
