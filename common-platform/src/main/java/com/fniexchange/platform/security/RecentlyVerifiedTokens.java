package com.fniexchange.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it verified, for at most {@code ttl} and never
 * past a token's {@code exp}. A dealer portal sends the same bearer token with every request, and
 * verifying it again (Base64, JSON, signature, every claim validator) was about a tenth of a
 * contract submission's CPU.
 * <p>
 * Safe by construction: entries are keyed by the whole token string, so a token is only ever
 * answered with the result of verifying exactly those bytes; a token that fails verification is
 * never remembered. What the ttl bounds is how long a token stays accepted after its signing key
 * is withdrawn from the issuer's key set. The cache holds at most {@code capacity} tokens and
 * starts over when full (a burst of distinct tokens costs verifications, not memory).
 */
final class RecentlyVerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    /**
     * @param verifier the decoder that checks signature and claims
     * @param ttl      longest a verified token is remembered; zero or negative: never
     * @param capacity most tokens remembered at once
     * @param clock    the time source
     */
    public RecentlyVerifiedTokens(JwtDecoder verifier, Duration ttl, int capacity, Clock clock) {
        this.verifier = verifier;
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (ttl.isZero() || ttl.isNegative()) {
            return verifier.decode(token);
        }
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt jwt = verifier.decode(token);
        Instant until = now.plus(ttl);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }
}
