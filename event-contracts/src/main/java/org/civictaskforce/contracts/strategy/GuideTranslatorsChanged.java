package org.civictaskforce.contracts.strategy;

import java.util.List;

import org.civictaskforce.contracts.EventType;

/** The people assigned to translate the guide into a language changed; {@code translatorIds} is the whole new list. */
@EventType("org.civictaskforce.strategy.guide.translators-changed")
public record GuideTranslatorsChanged(String guideId, String language, List<String> translatorIds) {
}
