package com.fniexchange.platform.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay's SQL. Every statement runs in the caller's transaction. */
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the bucket for the rest of the transaction, or answers false when another relay
     * instance holds it. Key: (hash of schema-qualified table, bucket), so services sharing a
     * database never contend.
     */
    boolean tryOwnBucket(int bucket) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'), :bucket)")
                .param("bucket", bucket)
                .query(Boolean.class)
                .single();
    }

    List<OutboxRow> unpublished(int bucket, int limit) {
        return jdbc.sql("""
                SELECT id, event_id, destination, event_type, aggregate_id, payload::text AS payload,
                       headers::text AS headers, created_at
                FROM outbox_event
                WHERE bucket = :bucket AND published_at IS NULL
                ORDER BY id
                LIMIT :limit
                """)
                .param("bucket", bucket)
                .param("limit", limit)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getObject("event_id", java.util.UUID.class),
                        rs.getString("destination"), rs.getString("event_type"), rs.getString("aggregate_id"),
                        rs.getString("payload"), rs.getString("headers"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE outbox_event SET published_at = clock_timestamp(), attempts = attempts + 1 WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }

    void recordFailure(long id, String error) {
        jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("id", id)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .update();
    }

    /** Unpublished count and the age of the oldest unpublished row (empty when none). */
    Backlog backlog() {
        return jdbc.sql("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox_event WHERE published_at IS NULL")
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("pending"), Optional.ofNullable(oldest).map(Timestamp::toInstant));
                })
                .single();
    }

    int purgePublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    record Backlog(long pending, Optional<Instant> oldest) {
        double oldestAgeSeconds(Instant now) {
            return oldest.map(o -> Duration.between(o, now).toMillis() / 1000.0).orElse(0.0);
        }
    }
}
