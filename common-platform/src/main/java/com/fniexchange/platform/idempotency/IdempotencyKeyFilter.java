package com.fniexchange.platform.idempotency;

import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.security.CallerArgumentResolver;
import com.fniexchange.platform.web.CachedBodyRequest;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemResponses;
import com.fniexchange.platform.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its response is kept;
 * a retry with the same key and the same body gets the same status and body back (marked
 * {@code Idempotency-Replayed: true}) without running again; the same key with a different
 * body is refused with 422; a retry while the first is still running gets 409. Keys are scoped
 * to the caller (the dealer, for dealers). Server errors are not kept, so they can be retried; a
 * first request that never finished (its instance died) frees the key after
 * {@code fni.idempotency.abandon-after}.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemResponses problems;
    private final Clock clock;

    IdempotencyKeyFilter(IdempotencyStore store, IdempotencyProperties properties, ProblemResponses problems, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Request has invalid fields",
                    HEADER + ": must be 1 to 255 printable ASCII characters",
                    Map.of("errors", List.of(new InvalidField(HEADER, "must be 1 to 255 printable ASCII characters"))));
            return;
        }
        Caller caller = CallerArgumentResolver.current();
        String scope = caller.scope();
        String hash = hash(request);
        if (claim(scope, key, hash)) {
            runFirst(request, response, chain, scope, key);
            return;
        }
        Optional<StoredResponse> stored = store.find(scope, key);
        if (stored.isEmpty()) {
            // released between our claim and read: the first request failed, so this one may run
            if (claim(scope, key, hash)) {
                runFirst(request, response, chain, scope, key);
                return;
            }
            stored = store.find(scope, key);
        }
        replay(request, response, stored.orElseThrow(), hash, key);
    }

    private boolean claim(String scope, String key, String hash) {
        Instant now = clock.instant();
        return store.claim(scope, key, hash, now, now.plus(properties.retention()), now.minus(properties.abandonAfter()));
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status < 500 && status != 401 && status != 403 && status != 429) {
                store.complete(scope, key, status, wrapper.getContentType(), wrapper.getHeader("Location"),
                        wrapper.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(scope, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, StoredResponse stored, String hash, String key)
            throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency-Key reused with a different request",
                    "Idempotency-Key '" + key + "' was first used with a different body or path; use a new key for a new request",
                    Map.of());
            return;
        }
        if (stored.status() == null) {
            response.setHeader("Retry-After", "1");
            problems.write(request, response, HttpStatus.CONFLICT, "idempotency-request-in-progress",
                    "First request with this Idempotency-Key is still running",
                    "retry in a moment to receive its response", Map.of());
            return;
        }
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static String hash(HttpServletRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            // security wrappers sit between us and the body filter's wrapper
            CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
            if (cached != null) {
                sha.update(cached.body());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
