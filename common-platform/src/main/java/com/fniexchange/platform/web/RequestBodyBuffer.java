package com.fniexchange.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body into memory, up to {@code fni.http.max-body-size}, as a
 * {@link CachedBodyRequest}, so later filters (the Idempotency-Key check) and the controller can
 * both read it; a body that turns out larger (chunked, no declared length) gets 413. Runs after
 * Spring Security's filter chain, so an unauthenticated request is refused before its body is read.
 */
class RequestBodyBuffer extends OncePerRequestFilter {

    /** After Spring Security's filter chain (-100), before the Idempotency-Key filter (0). */
    public static final int ORDER = -50;

    private final RequestBodyLimit limit;

    public RequestBodyBuffer(RequestBodyLimit limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestBodyLimit.hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(limit.bytes() + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit.bytes()) {
            limit.refuse(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }
}
