package org.civictaskforce.strategy.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who takes part in shaping the strategy: everyone registered or invited, counted by country. The
 * plan aims at 20–30 organisations from 4 countries; this is what the participation is measured
 * against once organisations reach this service.
 *
 * @param people    everyone, including people whose country is not known yet
 * @param byCountry people per country (ISO 3166 alpha-2), only countries with at least one person
 */
public record Participation(long people, SortedMap<String, Long> byCountry) {

    public Participation {
        byCountry = Collections.unmodifiableSortedMap(new TreeMap<>(byCountry));
    }

    public static Participation of(Collection<CountryTally> tallies) {
        long people = 0;
        SortedMap<String, Long> byCountry = new TreeMap<>();
        for (CountryTally tally : tallies) {
            if (tally.people() == 0) {
                continue;
            }
            people += tally.people();
            if (tally.country() != null) {
                byCountry.merge(tally.country(), tally.people(), Long::sum);
            }
        }
        return new Participation(people, byCountry);
    }

    /** How many countries the participants come from. */
    public int countries() {
        return byCountry.size();
    }
}
