package org.civictaskforce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civictaskforce.platform.problem.DomainRuleException;
import org.civictaskforce.platform.problem.InvalidRequestException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Only the caller's own mistakes are 4xx: a bare {@link IllegalArgumentException} is a programming error, so it is a
 * 500 and logged (without its message, which may quote input); an {@link InvalidRequestException} is a 400.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsAdviceTest {

    @RestController
    static class Failing {
        @GetMapping("/bug")
        String bug() {
            throw new IllegalArgumentException("anna@example.org is not a person id");
        }

        @GetMapping("/bad-value")
        String badValue() {
            throw new InvalidRequestException("unknown time zone");
        }

        @GetMapping("/store-down")
        String storeDown() {
            throw new DataAccessResourceFailureException("Timed out while waiting for a server at localhost:27017");
        }

        @GetMapping("/rule")
        String rule() {
            throw new DomainRuleException("a returned finding cannot be submitted");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void aBareIllegalArgumentIsOurFaultA500LoggedWithoutItsMessage(CapturedOutput log) throws Exception {
        mvc.perform(get("/bug")).andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("anna"))));

        assertThat(log.getAll()).contains("unexpected java.lang.IllegalArgumentException")
                .contains("at " + Failing.class.getName() + ".bug").doesNotContain("anna@example.org");
    }

    @Test
    void anInvalidValueFromTheCallerIsA400() throws Exception {
        mvc.perform(get("/bad-value")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anUnreachableStoreIsA503ThatSaysNothingChangedAndWhenToTryAgain(CapturedOutput log) throws Exception {
        mvc.perform(get("/store-down")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("/problems/service-unavailable"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("nothing was changed")));
        assertThat(log.getAll()).contains("store unavailable").doesNotContain("27017");
    }

    @Test
    void aBrokenDomainRuleIsA422WithItsMessage() throws Exception {
        mvc.perform(get("/rule")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("a returned finding cannot be submitted"));
    }
}
