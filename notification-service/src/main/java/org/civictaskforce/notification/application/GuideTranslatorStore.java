package org.civictaskforce.notification.application;

import java.util.List;

/**
 * {@code guide_translators}: per guide and language ({@code _id} = guideId:language), the ids of the people
 * assigned to translate, as strategy-service last published them (the whole list each time, so
 * applying an event again changes nothing; an erased translator leaves with strategy's next list).
 */
public interface GuideTranslatorStore {
    void replace(String guideId, String language, List<String> translatorIds);

    List<String> translatorsOf(String guideId, String language);
}
