package com.fniexchange.platform.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of one table that may go: those whose {@code column} is before the cutoff (and that
 * {@code keepIf} does not keep). Each feature (outbox, inbox, idempotency, a service's own such as
 * refund quotes) declares its own as a bean; {@link RetentionPurge} deletes them in bounded batches.
 *
 * @param name   for logs and the {@code fni.purge.deleted} metric's {@code target} tag
 * @param table  the table, in the service's schema
 * @param column a timestamptz column; rows where it is null are never purged
 * @param cutoff the cutoff for a purge run starting at the given instant
 * @param keepIf an SQL condition on the row (its table named as such) that keeps it past the
 *               cutoff, e.g. {@code EXISTS (SELECT 1 FROM cancellation c WHERE c.quote_id = refund_quote.quote_id)};
 *               null when every row past the cutoff goes. Written by the service, never from input.
 */
public record PurgeTarget(String name, String table, String column, Function<Instant, Instant> cutoff, String keepIf) {

    /** Every row past the cutoff goes. */
    public PurgeTarget(String name, String table, String column, Function<Instant, Instant> cutoff) {
        this(name, table, column, cutoff, null);
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public PurgeTarget {
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("table and column must be plain lower-case identifiers: " + table + "." + column);
        }
    }

    /** Deletes at most {@code limit} rows past the cutoff, in one statement (autocommit: its own transaction); how many went. */
    public int deleteBatch(JdbcClient jdbc, Instant cutoff, int limit) {
        return jdbc.sql(deleteBatchSql()).param("cutoff", Timestamp.from(cutoff)).param("limit", limit).update();
    }

    String deleteBatchSql() {
        // ctid: one statement form for every table, whatever its key
        return "DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table + " WHERE " + column
                + " < :cutoff" + (keepIf == null ? "" : " AND NOT (" + keepIf + ")") + " LIMIT :limit))";
    }
}
