package com.propty.kit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page, for requests it refuses before any filter or controller runs (an encoded slash or NUL,
 * a broken percent-encoding in the path, a request line or headers over the limit): problem+json with a stable
 * {@code code} instead of an HTML page naming the server, so a client handles one error format.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ContainerProblems.json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response cannot be written any more: nothing left to tell it.
        }
    }
}
