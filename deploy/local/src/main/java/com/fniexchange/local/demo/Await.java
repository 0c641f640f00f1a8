package com.fniexchange.local.demo;

import java.time.Duration;

/**
 * Waits for the platform to catch up, by asking again until the answer is the one wanted or the
 * time is up. What other services learn through events (a contract approved a moment ago, a
 * cancellation approved) arrives after a short, variable delay: a fixed sleep would be either too
 * short on a busy machine or needlessly long on a quiet one.
 */
final class Await {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(150);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private Await() {
    }

    /** One look: done with a value, or not yet with what was seen (for the failure, should time run out). */
    record Look<T>(T value, int status, String seen) {

        static <T> Look<T> done(T value) {
            return new Look<>(value, 0, null);
        }

        static <T> Look<T> notYet(int status, String seen) {
            return new Look<>(null, status, seen);
        }
    }

    interface Attempt<T> {
        Look<T> look() throws DemoFailure;
    }

    static <T> T until(String step, String call, Duration timeout, Attempt<T> attempt) throws DemoFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            Look<T> look = attempt.look();
            if (look.value() != null) {
                return look.value();
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailure(step, call + " (still not there after " + timeout.toSeconds() + " s)", look.status(), look.seen());
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(step, call, "interrupted while waiting", e);
            }
            Duration longer = pause.multipliedBy(3).dividedBy(2);
            pause = longer.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : longer;
        }
    }
}
