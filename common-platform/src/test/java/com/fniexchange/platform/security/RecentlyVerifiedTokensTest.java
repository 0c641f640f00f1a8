package com.fniexchange.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RecentlyVerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    /** Every token the verifier was asked to check, in order. */
    private final List<String> verified = new ArrayList<>();
    /** Accepts tokens "ok-<seconds to exp>", refuses anything else. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (!token.startsWith("ok-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("dealer")
                .issuedAt(now).expiresAt(now.plusSeconds(Long.parseLong(token.substring(3)))).build();
    };

    private RecentlyVerifiedTokens tokens(Duration ttl, int capacity) {
        return new RecentlyVerifiedTokens(verifier, ttl, capacity, clock);
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredFromMemoryWithinTheTtl() {
        RecentlyVerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        Jwt first = tokens.decode("ok-3600");
        now = T0.plusSeconds(59);
        assertThat(tokens.decode("ok-3600")).isSameAs(first);
        assertThat(verified).containsExactly("ok-3600");

        now = T0.plusSeconds(60);
        assertThat(tokens.decode("ok-3600")).isNotSameAs(first);
        assertThat(verified).containsExactly("ok-3600", "ok-3600");
    }

    @Test
    void neverRememberedPastItsExpiry() {
        RecentlyVerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        tokens.decode("ok-10");
        now = T0.plusSeconds(10);
        tokens.decode("ok-10");
        assertThat(verified).as("verified again at its exp, where the verifier's own rules apply").hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        RecentlyVerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void onlyTheExactBytesVerifiedAreAnsweredFromMemory() {
        RecentlyVerifiedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        tokens.decode("ok-3600");
        assertThatThrownBy(() -> tokens.decode("ok-3600 ")).isInstanceOf(NumberFormatException.class);
        assertThat(verified).containsExactly("ok-3600", "ok-3600 ");
    }

    @Test
    void aFullCacheStartsOverInsteadOfGrowing() {
        RecentlyVerifiedTokens tokens = tokens(Duration.ofSeconds(60), 2);
        tokens.decode("ok-100");
        tokens.decode("ok-200");
        tokens.decode("ok-300"); // full: starts over with this one
        tokens.decode("ok-300");
        tokens.decode("ok-100");
        assertThat(verified).containsExactly("ok-100", "ok-200", "ok-300", "ok-100");
    }

    @Test
    void aZeroTtlVerifiesEveryRequest() {
        RecentlyVerifiedTokens tokens = tokens(Duration.ZERO, 100);
        tokens.decode("ok-3600");
        tokens.decode("ok-3600");
        assertThat(verified).hasSize(2);
    }
}
