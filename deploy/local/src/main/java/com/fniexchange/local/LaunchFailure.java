package com.fniexchange.local;

import java.nio.file.Path;

/**
 * A part of the platform that did not start: which part, why, and the log to look at. The
 * launcher prints it (with the last lines of that log), stops what it started and exits non-zero.
 */
final class LaunchFailure extends RuntimeException {

    private final String part;
    private final Path log;

    LaunchFailure(String part, String reason, Path log) {
        super(reason);
        this.part = part;
        this.log = log;
    }

    LaunchFailure(String part, String reason) {
        this(part, reason, null);
    }

    String part() {
        return part;
    }

    /** The part's log file, or null when it has none (a check that ran in the launcher). */
    Path log() {
        return log;
    }
}
