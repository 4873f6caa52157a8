package org.civictaskforce.strategy.web;

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
        return ParticipationResponse.from(participants.participation());
    }
}
