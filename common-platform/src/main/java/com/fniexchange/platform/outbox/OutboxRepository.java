package com.fniexchange.platform.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay's SQL. Every statement runs in the caller's transaction. */
class OutboxRepository {

    private static final String ROW_COLUMNS = """
            id, event_id, destination, event_type, aggregate_id, payload::text AS payload, headers::text AS headers,
            created_at, attempts, tries""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes every bucket that has unpublished rows and that no other relay instance holds: each
     * bucket's advisory lock, for the rest of the transaction. With nothing pending it takes
     * nothing and reads only the (empty) partial index. Key: (hash of the schema-qualified
     * table, bucket), so services sharing a database never contend.
     *
     * @return the buckets taken
     */
    List<Integer> takePendingBuckets() {
        return jdbc.sql("""
                WITH pending AS MATERIALIZED (
                    SELECT DISTINCT bucket FROM outbox_event WHERE published_at IS NULL)
                SELECT bucket FROM pending
                WHERE pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'), bucket)
                """)
                .query(Integer.class)
                .list();
    }

    /**
     * What a pass sends from these buckets: the next unpublished rows in id order of every chain
     * that is not held (no row parked or ever failed), and, apart, the head of each chain whose
     * back-off is over (handed to the retry path). The two parts have a limit each, so chains that
     * failed, however many, never crowd healthy rows out of a pass. Order within an aggregate is
     * kept because a held chain's later rows are left out with its head.
     *
     * <p>A statement of its own, after {@link #takePendingBuckets()}: its snapshot is taken once
     * the buckets are held, so it sees every row another instance marked before letting go.
     */
    List<OutboxRow> unpublished(List<Integer> buckets, int limit) {
        return jdbc.sql("(SELECT " + ROW_COLUMNS + """
                 FROM outbox_event e
                 WHERE e.bucket = ANY (:buckets) AND e.published_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM outbox_event h
                                   WHERE h.bucket = e.bucket AND h.aggregate_id = e.aggregate_id AND h.published_at IS NULL
                                     AND (h.parked_at IS NOT NULL OR h.retry_at IS NOT NULL))
                 ORDER BY e.id
                 LIMIT :limit)
                UNION ALL
                (SELECT\s""" + ROW_COLUMNS + """
                 FROM outbox_event e
                 WHERE e.bucket = ANY (:buckets) AND e.published_at IS NULL AND e.parked_at IS NULL
                   AND e.retry_at <= clock_timestamp()
                 ORDER BY e.retry_at
                 LIMIT :limit)
                """)
                .param("buckets", buckets.stream().map(Integer::shortValue).toArray(Short[]::new))
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        // one array parameter: the same prepared statement whatever the count
        jdbc.sql("UPDATE outbox_event SET published_at = clock_timestamp(), retry_at = NULL WHERE id = ANY (:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .update();
    }

    /**
     * Holds the chain whose head failed: until {@code retryAt}, or parked when {@code park}.
     *
     * @param counted whether this failure counts toward parking (the broker was taking other events)
     */
    void recordFailure(long id, String error, boolean counted, Instant retryAt, boolean park) {
        jdbc.sql("""
                UPDATE outbox_event
                SET tries = tries + 1, attempts = attempts + :counted, last_error = :error, retry_at = :retryAt,
                    parked_at = CASE WHEN :park THEN clock_timestamp() END
                WHERE id = :id
                """)
                .param("id", id)
                .param("counted", counted ? 1 : 0)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("retryAt", Timestamp.from(retryAt))
                .param("park", park)
                .update();
    }

    /**
     * Whether any relay instance of this service had an event acknowledged since {@code since}:
     * the broker is up, so a failing chain's failure is about its own event.
     */
    boolean publishedSince(Instant since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM outbox_event WHERE published_at > :since)")
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    /** A backing-off chain and when it may be tried again. */
    record DueRetry(String aggregateId, Instant retryAt) {
    }

    /** The earliest back-offs to end (chains whose head failed and is not parked), soonest first. */
    List<DueRetry> nextRetries(int limit) {
        return jdbc.sql("""
                        SELECT aggregate_id, retry_at FROM outbox_event
                        WHERE published_at IS NULL AND parked_at IS NULL AND retry_at IS NOT NULL
                        ORDER BY retry_at LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new DueRetry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** Chains whose head failed before and whose back-off is over. */
    List<String> dueRetryingChains(int limit) {
        return jdbc.sql("""
                        SELECT aggregate_id FROM outbox_event
                        WHERE published_at IS NULL AND parked_at IS NULL AND tries > 0 AND retry_at <= clock_timestamp()
                        ORDER BY retry_at LIMIT :limit
                        """)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * Takes one aggregate's chain for the rest of the transaction (its retry), or answers false
     * when another instance is retrying it. Key space apart from the buckets' (another class id).
     */
    boolean tryOwnChain(String aggregateId) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_chain'), hashtext(:aggregate))")
                .param("aggregate", aggregateId)
                .query(Boolean.class)
                .single();
    }

    /** One aggregate's unpublished, unparked rows in id order. */
    List<OutboxRow> unpublishedChain(String aggregateId, int limit) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + """
                 FROM outbox_event
                WHERE bucket = (hashtext(:aggregate) & 2147483647) % 16
                  AND aggregate_id = :aggregate AND published_at IS NULL AND parked_at IS NULL
                ORDER BY id
                LIMIT :limit
                """)
                .param("aggregate", aggregateId)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Unpublished count, parked chains and the age of the oldest unpublished row (empty when none). */
    Backlog backlog() {
        return jdbc.sql("""
                SELECT count(*) AS pending, count(parked_at) AS parked, min(created_at) AS oldest
                FROM outbox_event WHERE published_at IS NULL
                """)
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Backlog(rs.getLong("pending"), rs.getLong("parked"),
                            Optional.ofNullable(oldest).map(Timestamp::toInstant));
                })
                .single();
    }

    /** Every parked chain: its head event and how many events wait behind it. */
    List<ParkedChain> parked() {
        return jdbc.sql("""
                SELECT h.aggregate_id, h.event_id, h.event_type, h.destination, h.attempts, h.last_error, h.parked_at,
                       (SELECT count(*) FROM outbox_event w
                        WHERE w.aggregate_id = h.aggregate_id AND w.published_at IS NULL AND w.id > h.id) AS waiting
                FROM outbox_event h
                WHERE h.parked_at IS NOT NULL AND h.published_at IS NULL
                ORDER BY h.parked_at, h.id
                """)
                .query((rs, n) -> new ParkedChain(rs.getString("aggregate_id"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("destination"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getTimestamp("parked_at").toInstant(), rs.getLong("waiting")))
                .list();
    }

    /** Un-parks the aggregate's chain for an immediate new round of attempts. False when it was not parked. */
    boolean unpark(String aggregateId) {
        return jdbc.sql("""
                UPDATE outbox_event SET parked_at = NULL, retry_at = NULL, attempts = 0, tries = 0
                WHERE aggregate_id = :aggregate AND parked_at IS NOT NULL AND published_at IS NULL
                """)
                .param("aggregate", aggregateId)
                .update() > 0;
    }

    /**
     * Moves the parked head event of the aggregate to {@code outbox_skipped_event} with who and
     * why, so the chain goes on with its next event. Empty when the aggregate has no parked chain.
     */
    Optional<UUID> skipParkedHead(String aggregateId, String actor, String reason) {
        return jdbc.sql("""
                WITH head AS (
                    DELETE FROM outbox_event
                    WHERE aggregate_id = :aggregate AND parked_at IS NOT NULL AND published_at IS NULL
                    RETURNING id, event_id, destination, event_type, aggregate_id, payload, headers, occurred_at,
                              created_at, attempts, last_error)
                INSERT INTO outbox_skipped_event (id, event_id, destination, event_type, aggregate_id, payload, headers,
                                                  occurred_at, created_at, attempts, last_error, skipped_by, skip_reason)
                SELECT id, event_id, destination, event_type, aggregate_id, payload, headers, occurred_at, created_at,
                       attempts, last_error, :actor, :reason
                FROM head
                RETURNING event_id
                """)
                .param("aggregate", aggregateId)
                .param("actor", actor)
                .param("reason", reason)
                .query(UUID.class)
                .optional();
    }

    /** Wakes every relay at commit, as the insert trigger does: after a retry or skip the chain can go on at once. */
    void notifyRelays() {
        jdbc.sql("SELECT pg_notify(current_schema() || '_outbox', '')").query((rs, n) -> 1).list();
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("destination"),
                rs.getString("event_type"), rs.getString("aggregate_id"), rs.getString("payload"), rs.getString("headers"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"), rs.getInt("tries"));
    }

    record Backlog(long pending, long parked, Optional<Instant> oldest) {
        double oldestAgeSeconds(Instant now) {
            return oldest.map(o -> Duration.between(o, now).toMillis() / 1000.0).orElse(0.0);
        }
    }
}
