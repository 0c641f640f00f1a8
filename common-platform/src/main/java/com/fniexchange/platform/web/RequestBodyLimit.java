package com.fniexchange.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared {@code Content-Length} is over {@code fni.http.max-body-size}
 * with 413 problem+json, before authentication and without reading the body: the cheap refusal.
 * A body of unknown length (chunked) is measured later, once the caller is authenticated, by
 * {@link RequestBodyBuffer}.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final ProblemResponses problems;

    public RequestBodyLimit(DataSize limit, ProblemResponses problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    /** The largest body accepted, in bytes. */
    public long bytes() {
        return limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBody(request) && request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    /** Answers 413 problem+json and closes the connection (the rest of the body is not read). */
    void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
                "the request body is larger than " + limit + " bytes", Map.of("maxBytes", limit));
    }
}
