package org.civictaskforce.platform.web;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring's {@code /error}, where the servlet container sends whatever ended in an error status
 * outside the MVC handlers (a filter's {@code sendError}, Spring Security's firewall): answered as a
 * problem whatever the status and whatever the client accepts, in place of Boot's default error JSON.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, not as an error dispatch: there is nothing here
        int status = code instanceof Integer value && value >= 400 ? value : HttpStatus.NOT_FOUND.value();
        ServerProblems problem = ServerProblems.of(status);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), problem.detail());
        body.setType(problem.type());
        body.setTitle(problem.title());
        body.setInstance(null);
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            body.setProperty("correlationId", correlationId);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
