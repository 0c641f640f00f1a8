package com.fniexchange.platform.history;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An aggregate's status trail, kept the same way by every service that has one: a table
 * {@code <aggregate>_status_history(<key>, from_status, to_status, reason, actor, changed_at)}
 * with a serial {@code id}, read oldest first. The auditor's question "who moved it, when and
 * why" is then answered the same way for a contract and a claim.
 *
 * <pre>{@code
 * StatusHistory<ClaimStatus> history = StatusHistory.of(jdbc, "claim_status_history", "claim_id", ClaimStatus.class);
 * history.record(claimId, OPEN, AUTHORIZED, null, actor, now);
 * List<Claim.StatusChange> trail = history.read(claimId, Claim.StatusChange::new);
 * }</pre>
 *
 * @param <S> the aggregate's status enum, stored by name
 */
public final class StatusHistory<S extends Enum<S>> {

    /** Table and column names go into SQL as written: plain lower-case identifiers only. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final JdbcClient jdbc;
    private final Class<S> statuses;
    private final String insert;
    private final String select;

    private StatusHistory(JdbcClient jdbc, String table, String keyColumn, Class<S> statuses) {
        this.jdbc = jdbc;
        this.statuses = statuses;
        this.insert = "INSERT INTO " + table + " (" + keyColumn + ", from_status, to_status, reason, actor, changed_at) VALUES ";
        this.select = "SELECT from_status, to_status, reason, actor, changed_at FROM " + table
                + " WHERE " + keyColumn + " = :key ORDER BY id";
    }

    /**
     * The trail in {@code table}, whose aggregates are keyed by {@code keyColumn}.
     *
     * @throws IllegalArgumentException when a name is not a plain lower-case identifier
     */
    public static <S extends Enum<S>> StatusHistory<S> of(JdbcClient jdbc, String table, String keyColumn, Class<S> statuses) {
        for (String name : List.of(table, keyColumn)) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a plain identifier: " + name);
            }
        }
        return new StatusHistory<>(jdbc, table, keyColumn, statuses);
    }

    /** Appends one change; {@code from} is null on the aggregate's first entry, {@code reason} when none was given. */
    public void record(Object key, S from, S to, String reason, String actor, Instant at) {
        recordAll(key, List.of(new Entry<>(from, to, reason, actor, at)));
    }

    /**
     * Appends several changes in order, in one statement (a submission that is approved at once
     * records two): ids follow the order of the rows, and the trail is read back in id order.
     */
    public void recordAll(Object key, List<Entry<S>> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(insert);
        for (int i = 0; i < entries.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(:key, :from%1$d, :to%1$d, :reason%1$d, :actor%1$d, :at%1$d)".formatted(i));
        }
        JdbcClient.StatementSpec statement = jdbc.sql(rows.toString()).param("key", key);
        for (int i = 0; i < entries.size(); i++) {
            Entry<S> entry = entries.get(i);
            statement = statement.param("from" + i, entry.from() == null ? null : entry.from().name(), Types.VARCHAR)
                    .param("to" + i, entry.to().name())
                    .param("reason" + i, entry.reason(), Types.VARCHAR)
                    .param("actor" + i, entry.actor())
                    .param("at" + i, Timestamp.from(entry.at()));
        }
        statement.update();
    }

    /** The aggregate's changes, oldest first, each made by {@code change}. */
    public <C> List<C> read(Object key, Change<S, C> change) {
        return jdbc.sql(select)
                .param("key", key)
                .query((rs, n) -> change.of(
                        rs.getString("from_status") == null ? null : Enum.valueOf(statuses, rs.getString("from_status")),
                        Enum.valueOf(statuses, rs.getString("to_status")), rs.getString("reason"), rs.getString("actor"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** One change to record. */
    public record Entry<S>(S from, S to, String reason, String actor, Instant at) {
    }

    /** How a service represents one change (its own record, with its own API documentation). */
    @FunctionalInterface
    public interface Change<S, C> {
        C of(S from, S to, String reason, String actor, Instant at);
    }
}
