package org.civictaskforce.strategy.web;

import java.util.Map;

import org.civictaskforce.strategy.domain.Participation;

/**
 * {@code GET /api/strategy/participation}.
 *
 * @param people    everyone registered or invited (including anyone whose country is not known yet)
 * @param countries how many countries they come from
 * @param byCountry people per country code
 */
public record ParticipationResponse(long people, int countries, Map<String, Long> byCountry) {

    static ParticipationResponse from(Participation participation) {
        return new ParticipationResponse(participation.people(), participation.countries(), participation.byCountry());
    }
}
