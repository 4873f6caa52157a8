package org.civictaskforce.gateway.problem;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem detail as the gateway writes it. The {@code type} is a stable, relative URI
 * per kind of error, derived from the status ({@code /problems/service-unavailable} for 503).
 */
public record Problem(HttpStatusCode status, String type, String title, String detail) {

    public static Problem of(HttpStatusCode status, String detail) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return new Problem(status, "about:blank", "HTTP " + status.value(), detail);
        }
        String slug = known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new Problem(status, "/problems/" + slug, known.getReasonPhrase(), detail);
    }
}
