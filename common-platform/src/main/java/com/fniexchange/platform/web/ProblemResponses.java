package com.fniexchange.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problem+json where no controller advice reaches: servlet filters and the security
 * entry points. Also the one place that stamps every problem with its instance and correlation id.
 */
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                      String title, String detail, Map<String, Object> properties) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        write(request, response, problem);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        stamp(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The problem as one flat JSON object: the RFC 9457 members, then the extension members at
     * the top level. For writers that serialise with a mapper of their own (the actuator, the
     * servlet container's error report), which would otherwise nest {@code properties}.
     */
    public static Map<String, Object> flat(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** Adds {@code instance} (the request path) and {@code correlationId}, when not already set. */
    public static void stamp(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        String correlationId = RequestCorrelation.currentId();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
    }
}
