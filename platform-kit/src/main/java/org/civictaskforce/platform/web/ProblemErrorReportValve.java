package org.civictaskforce.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.json.JSONFilter;

/**
 * Tomcat's own error answer, as a problem instead of an HTML page: for what Tomcat refuses before the
 * request reaches Spring (an encoded NUL or slash in the path, characters the query may not hold,
 * an over-long request line or header). Errors inside the application never get here: Spring's
 * {@code /error} has already written their problem. Nothing from the request or the exception is
 * echoed; the correlation id is new, as none was read yet.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String correlationId = CorrelationId.currentOrNew();
        ServerProblems problem = ServerProblems.of(status);
        String json = "{\"type\":\"" + JSONFilter.escape(problem.type().toString()) + "\",\"title\":\""
                + JSONFilter.escape(problem.title()) + "\",\"status\":" + status + ",\"detail\":\""
                + JSONFilter.escape(problem.detail()) + "\",\"correlationId\":\"" + JSONFilter.escape(correlationId)
                + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            response.setHeader(CorrelationId.HEADER, correlationId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }
}
