package com.fniexchange.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's own error answers (a request it refuses before Spring sees it, such as a malformed
 * URL encoding like {@code /api/v1/contracts/%ZZ}) as problem+json instead of Tomcat's HTML
 * page with its version. Errors Spring handled are left alone: they are already written.
 *
 * <p>Public, with a public constructor, only because Tomcat instantiates the valve reflectively
 * by class name; it is not part of the platform's public face.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** Tomcat creates the valve by class name, outside Spring: a plain mapper for a flat map of strings and numbers. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String slug = status >= 500 ? ProblemTypes.INTERNAL : status == 404 ? ProblemTypes.NOT_FOUND : ProblemTypes.MALFORMED_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                status >= 500 ? "the request could not be completed"
                        : "the request could not be read by the server (check the URL encoding and headers)");
        problem.setType(ProblemTypes.uri(slug));
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        try {
            String body = JSON.writeValueAsString(ProblemResponses.flat(problem));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was taken over: nothing more to say
        }
    }
}
