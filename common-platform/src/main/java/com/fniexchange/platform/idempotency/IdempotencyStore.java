package com.fniexchange.platform.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code idempotency_key} table. Each call is its own short transaction. */
class IdempotencyStore {

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a first request; false when it is already taken. */
    boolean claim(String caller, String key, String requestHash, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (caller, idem_key, request_hash, created_at, expires_at)
                VALUES (:caller, :key, :hash, :now, :expiresAt)
                ON CONFLICT (caller, idem_key) DO NOTHING
                """)
                .param("caller", caller)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    Optional<StoredResponse> find(String caller, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, content_type, location, response_body, expires_at
                FROM idempotency_key WHERE caller = :caller AND idem_key = :key
                """)
                .param("caller", caller)
                .param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("content_type"), rs.getString("location"), rs.getBytes("response_body"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    void complete(String caller, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                UPDATE idempotency_key SET status = :status, content_type = :contentType, location = :location,
                       response_body = :body
                WHERE caller = :caller AND idem_key = :key
                """)
                .param("caller", caller)
                .param("key", key)
                .param("status", status)
                .param("contentType", contentType)
                .param("location", location)
                .param("body", body)
                .update();
    }

    /** Frees the key (the first request failed in a way a retry may fix). */
    void release(String caller, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE caller = :caller AND idem_key = :key")
                .param("caller", caller)
                .param("key", key)
                .update();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < :now")
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Frees the key when its stored response expired, or when its first request never finished
     * (the instance died mid-request) and was started before {@code abandonedBefore}.
     */
    void releaseIfStale(String caller, String key, Instant now, Instant abandonedBefore) {
        jdbc.sql("""
                DELETE FROM idempotency_key WHERE caller = :caller AND idem_key = :key
                  AND (expires_at < :now OR (status IS NULL AND created_at < :abandonedBefore))
                """)
                .param("caller", caller)
                .param("key", key)
                .param("now", Timestamp.from(now))
                .param("abandonedBefore", Timestamp.from(abandonedBefore))
                .update();
    }
}
