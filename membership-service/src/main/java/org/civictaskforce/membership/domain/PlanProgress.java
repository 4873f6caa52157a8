package org.civictaskforce.membership.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the Working Group stands against its plan's targets: 10–15 experts in total, 1–3 per country,
 * 2–4 countries covered; the discussion of the note with 20–30 organisations from 4 countries.
 * Computed from counts; plain Java so the rules are tested without a database.
 */
public record PlanProgress(Experts experts, Countries countries, Discussion discussion, Invitations pendingInvitations) {
    public static final Range EXPERTS_TOTAL = new Range(10, 15);
    public static final Range EXPERTS_PER_COUNTRY = new Range(1, 3);
    public static final Range COUNTRIES_COVERED = new Range(2, 4);
    public static final Range DISCUSSION_ORGANISATIONS = new Range(20, 30);
    public static final int DISCUSSION_COUNTRIES = 4;
    /** Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan: always listed, even with no expert. */
    public static final List<String> CENTRAL_ASIA = List.of("KZ", "KG", "TJ", "TM", "UZ");

    public record Range(int min, int max) {
        public boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    public record CountryExperts(String country, long experts, Range target, boolean withinTarget) {
    }

    /**
     * @param withoutCountry active experts counted in {@code total} but under no country: people with a
     *                       protected identity, whose country only coordinators see
     */
    public record Experts(long total, Range target, boolean withinTarget, List<CountryExperts> perCountry,
            long withoutCountry) {
    }

    public record Countries(long covered, List<String> codes, Range target, boolean withinTarget) {
    }

    /**
     * Attendance at the discussion meetings (kind DISCUSSION, attendance recorded): distinct
     * organisations the attendees came for, and distinct countries of attendees and those
     * organisations, against 20–30 organisations from at least 4 countries. {@code tracked} is true
     * now that meetings are recorded here.
     */
    public record Discussion(boolean tracked, long organisations, long countries, Range organisationsTarget,
            int countriesTarget, boolean withinTarget) {
    }

    public record Invitations(long people, long organisations) {
    }

    /**
     * @param activeExpertsPerCountry active people holding the EXPERT role, by country
     */
    public static PlanProgress of(Map<String, Long> activeExpertsPerCountry, long pendingPeople,
            long pendingOrganisations) {
        return of(activeExpertsPerCountry, pendingPeople, pendingOrganisations, 0, 0);
    }

    /**
     * @param discussionOrganisations distinct organisations that attended discussion meetings
     * @param discussionCountries distinct countries represented at discussion meetings
     */
    public static PlanProgress of(Map<String, Long> activeExpertsPerCountry, long pendingPeople,
            long pendingOrganisations, long discussionOrganisations, long discussionCountries) {
        return of(activeExpertsPerCountry, 0, pendingPeople, pendingOrganisations, discussionOrganisations,
                discussionCountries);
    }

    /**
     * @param expertsWithoutCountry active experts whose country is not shown to this caller (protected
     *                              identities): in the total, in no country and no country covered
     */
    public static PlanProgress of(Map<String, Long> activeExpertsPerCountry, long expertsWithoutCountry,
            long pendingPeople, long pendingOrganisations, long discussionOrganisations, long discussionCountries) {
        Map<String, Long> perCountry = new LinkedHashMap<>();
        CENTRAL_ASIA.forEach(c -> perCountry.put(c, activeExpertsPerCountry.getOrDefault(c, 0L)));
        activeExpertsPerCountry.keySet().stream().sorted().forEach(c -> perCountry.putIfAbsent(c,
                activeExpertsPerCountry.get(c)));
        List<CountryExperts> rows = new ArrayList<>();
        perCountry.forEach((country, n) -> rows.add(new CountryExperts(country, n, EXPERTS_PER_COUNTRY,
                EXPERTS_PER_COUNTRY.contains(n))));
        long total = perCountry.values().stream().mapToLong(Long::longValue).sum() + expertsWithoutCountry;
        List<String> covered = perCountry.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .toList();
        return new PlanProgress(new Experts(total, EXPERTS_TOTAL, EXPERTS_TOTAL.contains(total), rows,
                expertsWithoutCountry),
                new Countries(covered.size(), covered, COUNTRIES_COVERED, COUNTRIES_COVERED.contains(covered.size())),
                new Discussion(true, discussionOrganisations, discussionCountries, DISCUSSION_ORGANISATIONS,
                        DISCUSSION_COUNTRIES, DISCUSSION_ORGANISATIONS.contains(discussionOrganisations)
                                && discussionCountries >= DISCUSSION_COUNTRIES),
                new Invitations(pendingPeople, pendingOrganisations));
    }
}
