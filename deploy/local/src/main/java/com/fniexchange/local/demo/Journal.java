package com.fniexchange.local.demo;

import java.io.PrintStream;

/**
 * The day as the person running the demo reads it: one line per step, with the time since the day
 * began and the step's own time (since the line before), who acted, the call and what came of it:
 * <pre>
 *   12.3s  +0.08s  dealer D7K2A1A           POST /api/v1/contracts                        201 ACTIVE VSC3A004352
 * </pre>
 */
final class Journal {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private long previous = started;

    Journal(PrintStream out) {
        this.out = out;
    }

    void title(String text) {
        out.println();
        out.println("== " + text);
    }

    /** One step. */
    void line(String actor, String call, String outcome) {
        long now = System.nanoTime();
        out.printf("%7.1fs %+7.2fs  %-25s %-52s %s%n", (now - started) / 1e9, (now - previous) / 1e9, actor, call, outcome);
        previous = now;
    }

    /** Something a step shows beyond its line (the events a partner received, a reconciliation). */
    void detail(String text) {
        out.println("          " + text);
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
