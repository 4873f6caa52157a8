package org.civictaskforce.platform.web;

import java.net.URI;
import java.util.Locale;

import org.civictaskforce.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * The problem for a bare status, when there is nothing more to say than the status itself: what
 * Tomcat refuses before Spring sees the request, and whatever reaches {@code /error}.
 */
record ServerProblems(int status, URI type, String title, String detail) {

    static ServerProblems of(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
        return switch (status) {
            case 400 -> new ServerProblems(status, ProblemTypes.MALFORMED, "Malformed request",
                    "The request is malformed (its path, query or headers).");
            case 401 -> new ServerProblems(status, ProblemTypes.UNAUTHENTICATED, "Unauthenticated",
                    "A valid access token is needed.");
            case 403 -> new ServerProblems(status, ProblemTypes.FORBIDDEN, "Forbidden", "This is not allowed.");
            case 404 -> new ServerProblems(status, ProblemTypes.NOT_FOUND, "Not found", "No such resource.");
            case 405 -> new ServerProblems(status, ProblemTypes.METHOD, "Method not allowed",
                    "This method is not supported here.");
            case 409 -> new ServerProblems(status, ProblemTypes.CONFLICT, "Conflict", "The request conflicts.");
            case 415 -> new ServerProblems(status, ProblemTypes.MEDIA_TYPE, "Unsupported media type",
                    "Send application/json.");
            case 422 -> new ServerProblems(status, ProblemTypes.DOMAIN_RULE, "Rule violated",
                    "The request breaks a rule.");
            default -> status >= 500
                    ? new ServerProblems(status, ProblemTypes.INTERNAL, "Internal error",
                            "Something went wrong on our side. Quote the correlation id when reporting it.")
                    // 413, 414, 431, ...: a stable type per status, as the gateway derives it
                    : new ServerProblems(status, URI.create("/problems/"
                            + reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")), reason,
                            "The request could not be handled.");
        };
    }
}
