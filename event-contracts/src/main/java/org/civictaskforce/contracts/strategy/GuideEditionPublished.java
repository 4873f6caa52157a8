package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** An immutable edition of the guide was published in a language. */
@EventType("org.civictaskforce.strategy.guide.edition-published")
public record GuideEditionPublished(String guideId, String language, int number, int sections) {
}
