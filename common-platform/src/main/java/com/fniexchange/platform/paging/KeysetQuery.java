package com.fniexchange.platform.paging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list endpoint's query, keyset-paginated: a {@code SELECT}, the filters the caller gave (each
 * left out when its value is absent), the rows after the cursor in (sort instant, unique key)
 * order, one page at a time. Filters are bound parameters, never text in the SQL.
 *
 * <pre>{@code
 * KeysetPage<Claim> page = KeysetQuery.of("SELECT * FROM claim", "opened_at", "claim_id")
 *         .filter("repair_facility = :facility", "facility", facility)
 *         .filter("status = :status", "status", status == null ? null : status.name())
 *         .after(cursor, PageCursor::uuidKey)
 *         .page(jdbc, limit, Claims::claim, claim -> PageCursor.after(claim.openedAt(), claim.claimId()));
 * }</pre>
 */
public final class KeysetQuery {

    private final String select;
    private final String sortColumn;
    private final String keyColumn;
    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final Map<String, Object> params = new LinkedHashMap<>();

    private KeysetQuery(String select, String sortColumn, String keyColumn) {
        this.select = select.strip();
        this.sortColumn = sortColumn;
        this.keyColumn = keyColumn;
    }

    /**
     * @param select     the {@code SELECT ... FROM ...} without {@code WHERE}, {@code ORDER BY} or {@code LIMIT}
     * @param sortColumn the instant the list is ordered by
     * @param keyColumn  the unique key that breaks ties (and that the cursor carries)
     */
    public static KeysetQuery of(String select, String sortColumn, String keyColumn) {
        return new KeysetQuery(select, sortColumn, keyColumn);
    }

    /** Adds {@code condition} (which names {@code :param}) when {@code value} is not null; an absent filter selects everything. */
    public KeysetQuery filter(String condition, String param, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(param, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
        return this;
    }

    /**
     * The rows after the cursor's position; none (the first page) when the client sent no cursor.
     *
     * @param key the cursor's key as the key column holds it ({@code PageCursor::key} for text,
     *            {@code PageCursor::uuidKey} for a UUID)
     */
    public KeysetQuery after(PageCursor cursor, Function<PageCursor, Object> key) {
        if (cursor != null) {
            where.append(" AND (").append(sortColumn).append(", ").append(keyColumn).append(") > (:afterAt, :afterKey)");
            params.put("afterAt", Timestamp.from(cursor.at()));
            params.put("afterKey", key.apply(cursor));
        }
        return this;
    }

    /** The SQL as it runs, for tests and logs. */
    String sql() {
        return select + where + " ORDER BY " + sortColumn + ", " + keyColumn + " LIMIT :limit";
    }

    /**
     * Reads one page: {@code limit} rows and one more, which only says whether a next page
     * exists.
     *
     * @param cursorOf the position of an item, for the next page's cursor
     */
    public <T> KeysetPage<T> page(JdbcClient jdbc, int limit, RowMapper<T> rows, Function<? super T, PageCursor> cursorOf) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql()).params(params).param("limit", limit + 1);
        return KeysetPage.of(statement.query(rows).list(), limit, cursorOf);
    }
}
