package com.fniexchange.platform.idempotency;

import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.security.CallerArgumentResolver;
import com.fniexchange.platform.web.CachedBodyRequest;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemResponses;
import com.fniexchange.platform.web.ProblemTypes;
import com.fniexchange.platform.web.RequestCorrelation;
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
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
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
 *
 * <p>The first request runs in one transaction (services' {@code @Transactional} methods join
 * it) in which its response is also stored, so a response is kept exactly when the work it
 * reports committed: a retry after a crash that followed the commit gets the original answer.
 * A refusal whose work rolled back is stored afterwards on its own. Each claim carries an owner
 * token; a request whose key was taken over (after abandon-after) can no longer store or free it.
 */
class IdempotencyKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyFilter.class);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private final ProblemResponses problems;
    private final Clock clock;
    private final TransactionTemplate transactions;

    IdempotencyKeyFilter(IdempotencyStore store, IdempotencyProperties properties, ProblemResponses problems, Clock clock,
                         TransactionTemplate transactions) {
        this.store = store;
        this.properties = properties;
        this.problems = problems;
        this.clock = clock;
        this.transactions = transactions;
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
        UUID owner = UUID.randomUUID();
        if (claim(scope, key, owner, hash)) {
            runFirst(request, response, chain, scope, key, owner);
            return;
        }
        Optional<StoredResponse> stored = store.find(scope, key);
        if (stored.isEmpty()) {
            // released between our claim and read: the first request failed, so this one may run
            if (claim(scope, key, owner, hash)) {
                runFirst(request, response, chain, scope, key, owner);
                return;
            }
            stored = store.find(scope, key);
        }
        replay(request, response, stored.orElseThrow(), hash, key);
    }

    private boolean claim(String scope, String key, UUID owner, String hash) {
        Instant now = clock.instant();
        return store.claim(scope, key, owner, hash, now, now.plus(properties.retention()), now.minus(properties.abandonAfter()));
    }

    /**
     * Runs the request in one transaction that the service's {@code @Transactional} methods join,
     * and stores its response in that same transaction: the business result and the replayable
     * answer commit together or not at all. The client sees the response only after the commit.
     */
    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope, String key,
                          UUID owner) throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transactions.execute(tx -> {
                try {
                    chain.doFilter(request, wrapper);
                } catch (IOException | ServletException e) {
                    throw new ChainFailure(e);
                }
                return finish(tx, wrapper, scope, key, owner);
            });
        } catch (ChainFailure e) {
            release(scope, key, owner);
            throw e.unwrap();
        } catch (TransactionException | DataAccessException e) {
            // the commit itself failed: nothing was kept (release skips a row whose response did commit)
            log.warn("idempotent request could not commit; key {} is freed", key, e);
            release(scope, key, owner);
            rewrite(request, wrapper, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                    "the request could not be completed; it is safe to retry with the same Idempotency-Key", null);
            return;
        } catch (RuntimeException | Error e) {
            release(scope, key, owner);
            throw e;
        }
        switch (outcome) {
            case KEPT -> wrapper.copyBodyToResponse();
            case NOT_KEPT -> {
                release(scope, key, owner);
                wrapper.copyBodyToResponse();
            }
            case TAKEN_OVER -> takenOver(request, wrapper);
            case ROLLED_BACK -> afterRollback(request, wrapper, scope, key, owner);
        }
    }

    /** The end of the transaction's work: keep the response in it, or mark it for rollback. */
    private Outcome finish(TransactionStatus tx, ContentCachingResponseWrapper wrapper, String scope, String key, UUID owner) {
        if (tx.isRollbackOnly()) {
            // a participant failed: run nothing more in this transaction, and roll back quietly
            // (a local rollback-only mark, so no UnexpectedRollbackException)
            tx.setRollbackOnly();
            return Outcome.ROLLED_BACK;
        }
        int status = wrapper.getStatus();
        if (!kept(status)) {
            // an answer that is not kept frees the key for a retry, so the work must not commit either
            tx.setRollbackOnly();
            return Outcome.NOT_KEPT;
        }
        if (store.transactionAborted()) {
            // e.g. the service swallowed an error that aborted the database transaction: it
            // accepts nothing but a rollback, so nothing more is run in it
            log.warn("idempotent request's database transaction was aborted by a failed statement; rolling it back");
            tx.setRollbackOnly();
            return Outcome.ROLLED_BACK;
        }
        try {
            if (store.complete(scope, key, owner, status, wrapper.getContentType(), wrapper.getHeader("Location"),
                    wrapper.getContentAsByteArray())) {
                return Outcome.KEPT;
            }
            tx.setRollbackOnly();
            return Outcome.TAKEN_OVER;
        } catch (DataAccessException e) {
            log.warn("idempotent request's response could not be stored; rolling its work back", e);
            tx.setRollbackOnly();
            return Outcome.ROLLED_BACK;
        }
    }

    /** The business work rolled back: a refusal (4xx) is kept on its own, anything else frees the key. */
    private void afterRollback(HttpServletRequest request, ContentCachingResponseWrapper wrapper, String scope, String key,
                               UUID owner) throws IOException {
        int status = wrapper.getStatus();
        if (status < 400) {
            // a success whose work did not commit must not be reported as a success
            log.error("idempotent request answered {} but its transaction rolled back; answering 500", status);
            release(scope, key, owner);
            rewrite(request, wrapper, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                    "the request could not be completed; it is safe to retry with the same Idempotency-Key", null);
            return;
        }
        if (!kept(status)) {
            release(scope, key, owner);
            wrapper.copyBodyToResponse();
            return;
        }
        if (store.complete(scope, key, owner, status, wrapper.getContentType(), wrapper.getHeader("Location"),
                wrapper.getContentAsByteArray())) {
            wrapper.copyBodyToResponse();
        } else {
            takenOver(request, wrapper);
        }
    }

    /** 5xx may be fixed by a retry; 401, 403 and 429 depend on the token or the moment, not the request. */
    private static boolean kept(int status) {
        return status < 500 && status != 401 && status != 403 && status != 429;
    }

    private void release(String scope, String key, UUID owner) {
        try {
            store.release(scope, key, owner);
        } catch (DataAccessException e) {
            // the key then frees itself after abandon-after
            log.warn("could not free idempotency key {}", key, e);
        }
    }

    /** This request ran past abandon-after and a retry owns the key now: its answer is the one that counts. */
    private void takenOver(HttpServletRequest request, ContentCachingResponseWrapper wrapper) throws IOException {
        rewrite(request, wrapper, HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_REQUEST_IN_PROGRESS, "First request with this Idempotency-Key is still running",
                "this request took longer than " + properties.abandonAfter() + " and a retry with the same key took it over;"
                        + " nothing of this request was kept; retry in a moment to receive the retry's response", "1");
    }

    /** Replaces the buffered response (not yet sent) with a problem. */
    private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper wrapper, HttpStatus status, String type,
                         String title, String detail, String retryAfter) throws IOException {
        wrapper.reset();
        String correlationId = RequestCorrelation.currentId();
        if (correlationId != null) {
            wrapper.setHeader(RequestCorrelation.HEADER, correlationId);
        }
        if (retryAfter != null) {
            wrapper.setHeader("Retry-After", retryAfter);
        }
        problems.write(request, wrapper, status, type, title, detail, Map.of());
        wrapper.copyBodyToResponse();
    }

    private enum Outcome { KEPT, NOT_KEPT, TAKEN_OVER, ROLLED_BACK }

    /** Carries the chain's checked exceptions out of the transaction callback (and rolls it back). */
    private static final class ChainFailure extends RuntimeException {
        ChainFailure(Exception cause) {
            super(cause);
        }

        RuntimeException unwrap() throws IOException, ServletException {
            if (getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) getCause();
        }
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, StoredResponse stored, String hash, String key)
            throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key reused with a different request",
                    "Idempotency-Key '" + key + "' was first used with a different body or path; use a new key for a new request",
                    Map.of());
            return;
        }
        if (stored.status() == null) {
            response.setHeader("Retry-After", "1");
            problems.write(request, response, HttpStatus.CONFLICT, ProblemTypes.IDEMPOTENCY_REQUEST_IN_PROGRESS,
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
