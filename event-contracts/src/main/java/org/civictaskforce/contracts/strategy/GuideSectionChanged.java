package org.civictaskforce.contracts.strategy;

import org.civictaskforce.contracts.EventType;

/** A section of the information guide was added or changed in its source language; ids and numbers only. */
@EventType("org.civictaskforce.strategy.guide.section-changed")
public record GuideSectionChanged(String guideId, String sectionKey, String language, int revision) {
}
