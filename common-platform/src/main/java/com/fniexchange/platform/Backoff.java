package com.fniexchange.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off: {@code initial}, then doubling per failure, capped at {@code max}. One
 * rule for the outbox relay's chains and the consumers' retries.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The pause after the given number of consecutive failures (1 for the first). */
    public Duration after(int failures) {
        Duration pause = initial;
        for (int i = 1; i < failures && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) < 0 ? pause : max;
    }
}
