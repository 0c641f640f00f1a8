package com.fniexchange.platform.retention;

import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Rows of one platform table that may go: those whose {@code column} is before the cutoff.
 * Each feature (outbox, inbox, idempotency) declares its own as a bean; {@link RetentionPurge}
 * deletes them in bounded batches.
 *
 * @param name   for logs and the {@code fni.purge.deleted} metric's {@code target} tag
 * @param table  the table, in the service's schema
 * @param column a timestamptz column; rows where it is null are never purged
 * @param cutoff the cutoff for a purge run starting at the given instant
 */
public record PurgeTarget(String name, String table, String column, Function<Instant, Instant> cutoff) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public PurgeTarget {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("table and column must be plain lower-case identifiers: " + table + "." + column);
        }
    }

    String deleteBatchSql() {
        // ctid: one statement form for every table, whatever its key
        return "DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table + " WHERE " + column
                + " < :cutoff LIMIT :limit))";
    }
}
