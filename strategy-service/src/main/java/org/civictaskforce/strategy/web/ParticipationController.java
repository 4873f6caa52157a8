package org.civictaskforce.strategy.web;

import org.civictaskforce.platform.security.Caller;
import org.civictaskforce.strategy.application.Participants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/strategy")
public class ParticipationController {
    private final Participants participants;

    public ParticipationController(Participants participants) {
        this.participants = participants;
    }

    @GetMapping("/participation")
    @Operation(summary = "People taking part (registered or invited) and the countries they come from")
    public ParticipationResponse participation() {
        // membership's rules for its progress view and for protected identities: counts by country for
        // members only, and a protected person's country for coordinators only (for everyone else they
        // count in the total under no country)
        StrategyController.requireMember();
        return ParticipationResponse.from(participants.participation(Caller.current().isCoordinator()));
    }
}
