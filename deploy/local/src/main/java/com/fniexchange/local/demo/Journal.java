package com.fniexchange.local.demo;

import java.io.PrintStream;

/**
 * The day as the person running the demo reads it: one line per step, with the time since the day
 * began, who acted, the call and what came of it:
 * <pre>
 *   12.3s  dealer D7K2A1A           POST /api/v1/contracts                        201 ACTIVE VSC3A004352
 * </pre>
 */
final class Journal {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Journal(PrintStream out) {
        this.out = out;
    }

    void title(String text) {
        out.println();
        out.println("== " + text);
    }

    /** One step. */
    void line(String actor, String call, String outcome) {
        out.printf("%7.1fs  %-25s %-52s %s%n", seconds(), actor, call, outcome);
    }

    /** Something a step shows beyond its line (the events a partner received, a reconciliation). */
    void detail(String text) {
        out.println("          " + text);
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
