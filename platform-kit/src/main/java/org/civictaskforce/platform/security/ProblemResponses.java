package org.civictaskforce.platform.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.civictaskforce.contracts.EventJson;
import org.civictaskforce.platform.problem.ProblemTypes;
import org.civictaskforce.platform.web.CorrelationId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters as RFC 9457 problems, like every other error. The detail
 * never says why a token failed beyond "missing or invalid": that would help a forger.
 */
final class ProblemResponses {
    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                    "Sign in: this needs a valid access token (it is missing, expired or not ours).");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "Your role does not allow this.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(EventJson.MAPPER.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
    }
}
