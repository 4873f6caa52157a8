package org.civictaskforce.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What Tomcat answers itself, before a request reaches Spring — a path with {@code %00} or {@code %2F}, raw
 * {@code [}/{@code ]} in a query, a request line or header too long — as an RFC 9457 problem instead of
 * Tomcat's HTML page: the same {@code application/problem+json} every other answer of a service is. Nothing
 * of the request (it may be an attack) and no server detail goes into the body.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String type = status == 400 ? "/problems/malformed-request" : status >= 500 ? "/problems/internal"
                : "about:blank";
        String detail = status == 400 ? "The request could not be read (a character or an encoding the service does"
                + " not accept in its path, query or headers)."
                : status == 414 ? "The request's address is too long."
                : status == 431 ? "The request's headers are too large."
                : status >= 500 ? "Something went wrong on our side." : title + ".";
        String json = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }
}
