package org.civictaskforce.research.web;

import org.civictaskforce.research.application.WorkingGroupMembers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/research")
public class WorkingGroupController {
    private final WorkingGroupMembers members;

    public WorkingGroupController(WorkingGroupMembers members) {
        this.members = members;
    }

    @GetMapping("/working-group")
    @Operation(summary = "People in the working-group pipeline (registered candidates and invited), by country")
    public WorkingGroupResponse workingGroup() {
        // membership's rule for protected identities: their country is shown to coordinators only, so
        // for everyone else they count in the totals but under no country
        return WorkingGroupResponse.from(members.pipeline(Access.member().isCoordinator()));
    }
}
