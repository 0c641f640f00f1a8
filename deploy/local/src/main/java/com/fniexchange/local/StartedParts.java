package com.fniexchange.local;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the launcher has started, in order, from the moment each process exists (not once
 * it is ready): Ctrl-C during a start-up stops what is half-started too. Once stopping has begun,
 * a part that appears is stopped at once and the start-up ends.
 */
final class StartedParts {

    private final Deque<Part> parts = new ArrayDeque<>();
    private boolean stopping;

    synchronized void add(Part part) {
        if (stopping) {
            part.stop();
            throw new LaunchFailure(part.name(), "not started: the launcher is stopping");
        }
        parts.push(part);
    }

    /** A part that finished by itself (a one-off command such as formatting the broker's storage). */
    synchronized void remove(Part part) {
        parts.remove(part);
    }

    synchronized boolean isEmpty() {
        return parts.isEmpty();
    }

    synchronized java.util.List<Part> list() {
        return java.util.List.copyOf(parts);
    }

    /** Reverse order of start: the services first, the broker last, so nothing loses what it is writing to. */
    synchronized void stopAll(java.io.PrintStream out) {
        stopping = true;
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            long t0 = System.nanoTime();
            part.stop();
            out.printf("  stopped %s (%.1f s)%n", part.name(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
