package org.civictaskforce.platform.messaging;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoint: {@code GET /admin/dead-letters} lists parked records with the failure reason,
 * {@code POST /admin/dead-letters/redrive} sends them back to be processed again. Not routed by the
 * gateway: operators reach it on the service's own port.
 */
@RestController
@RequestMapping("/admin/dead-letters")
public class DeadLetterController {
    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public List<DeadLetters.Parked> list() {
        return deadLetters.list();
    }

    @PostMapping("/redrive")
    public Map<String, Integer> redrive() {
        return Map.of("redriven", deadLetters.redrive());
    }
}
