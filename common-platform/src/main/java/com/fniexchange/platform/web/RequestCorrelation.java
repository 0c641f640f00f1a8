package com.fniexchange.platform.web;

import com.fniexchange.platform.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id ({@code X-Correlation-Id}: the caller's, when it is a
 * sane token, else a new UUID), echoes it in the response, and keeps it and the caller's W3C
 * {@code traceparent} in the logging MDC. Logs, problem responses and the events a request
 * causes all carry the same id.
 */
public class RequestCorrelation extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_CORRELATION_ID = Correlation.MDC_CORRELATION_ID;
    public static final String MDC_TRACEPARENT = Correlation.MDC_TRACEPARENT;

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The current correlation id; see {@link Correlation#currentId()}. */
    public static String currentId() {
        return Correlation.currentId();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String traceparent = request.getHeader("traceparent");
        MDC.put(MDC_CORRELATION_ID, id);
        if (traceparent != null && TRACEPARENT.matcher(traceparent).matches()) {
            MDC.put(MDC_TRACEPARENT, traceparent);
        }
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
            MDC.remove(MDC_TRACEPARENT);
        }
    }
}
