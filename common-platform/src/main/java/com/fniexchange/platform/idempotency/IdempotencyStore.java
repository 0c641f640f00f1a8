package com.fniexchange.platform.idempotency;

import com.fniexchange.platform.db.TransactionState;
import java.sql.Timestamp;
import javax.sql.DataSource;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code idempotency_key} table. Each call is its own short transaction, except
 * {@link #complete}, which the filter runs inside the request's business transaction.
 */
class IdempotencyStore {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    IdempotencyStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Whether the current transaction was aborted by a failed statement (it then takes nothing but a rollback). */
    boolean transactionAborted() {
        return TransactionState.aborted(dataSource);
    }

    /**
     * Claims the key for a first request, in one statement: a new key is inserted; a key whose
     * stored response expired, or whose first request never finished and started before
     * {@code abandonedBefore} (its instance died mid-request), is taken over. False when the key
     * is held by a live request or a stored response. The claiming request's {@code owner} token
     * is the only one {@link #complete} and {@link #release} accept afterwards.
     */
    boolean claim(String caller, String key, UUID owner, String requestHash, Instant now, Instant expiresAt,
                  Instant abandonedBefore) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (caller, idem_key, owner, request_hash, created_at, expires_at)
                VALUES (:caller, :key, :owner, :hash, :now, :expiresAt)
                ON CONFLICT (caller, idem_key) DO UPDATE
                    SET owner = EXCLUDED.owner, request_hash = EXCLUDED.request_hash, status = NULL, content_type = NULL,
                        location = NULL, response_body = NULL, created_at = EXCLUDED.created_at,
                        expires_at = EXCLUDED.expires_at
                    WHERE idempotency_key.expires_at < :now
                       OR (idempotency_key.status IS NULL AND idempotency_key.created_at < :abandonedBefore)
                """)
                .param("caller", caller)
                .param("key", key)
                .param("owner", owner)
                .param("hash", requestHash)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("abandonedBefore", Timestamp.from(abandonedBefore))
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

    /**
     * Stores the response of the request that owns the key. False when {@code owner} no longer
     * holds it (the request ran past abandon-after and a retry took the key over): nothing changes.
     */
    boolean complete(String caller, String key, UUID owner, int status, String contentType, String location, byte[] body) {
        return jdbc.sql("""
                UPDATE idempotency_key SET status = :status, content_type = :contentType, location = :location,
                       response_body = :body
                WHERE caller = :caller AND idem_key = :key AND owner = :owner AND status IS NULL
                """)
                .param("caller", caller)
                .param("key", key)
                .param("owner", owner)
                .param("status", status)
                .param("contentType", contentType)
                .param("location", location)
                .param("body", body)
                .update() == 1;
    }

    /**
     * Frees the key (the first request failed in a way a retry may fix), if {@code owner} still
     * holds it and no response is stored under it.
     */
    boolean release(String caller, String key, UUID owner) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE caller = :caller AND idem_key = :key AND owner = :owner AND status IS NULL")
                .param("caller", caller)
                .param("key", key)
                .param("owner", owner)
                .update() == 1;
    }

}
