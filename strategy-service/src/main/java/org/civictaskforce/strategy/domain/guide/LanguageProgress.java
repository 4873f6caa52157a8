package org.civictaskforce.strategy.domain.guide;

import java.util.List;

/** How far the guide is translated into one language. */
public record LanguageProgress(String language, int approved, int total, int stale, boolean complete,
        List<String> notApproved, List<String> staleSections, int lastEdition) {
}
