package org.civictaskforce.strategy.web;

import org.civictaskforce.platform.problem.ProblemTypes;
import org.civictaskforce.platform.web.CorrelationId;
import org.civictaskforce.strategy.domain.guide.GuideRuleException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the guide's refusals into the platform's problem answers (404, 409, 422). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GuideRulesAdvice {

    @ExceptionHandler(GuideRuleException.class)
    ProblemDetail refused(GuideRuleException e) {
        ProblemDetail problem = switch (e.kind()) {
            case NOT_FOUND -> titled(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()),
                    ProblemTypes.NOT_FOUND, "Not found");
            case CONFLICT -> titled(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()),
                    ProblemTypes.CONFLICT, "Conflict");
            case INVALID -> titled(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()),
                    ProblemTypes.DOMAIN_RULE, "Rule violated");
        };
        return problem;
    }

    private static ProblemDetail titled(ProblemDetail problem, java.net.URI type, String title) {
        problem.setType(type);
        problem.setTitle(title);
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }
}
