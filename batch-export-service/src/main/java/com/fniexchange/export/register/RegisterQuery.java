package com.fniexchange.export.register;

import com.fniexchange.model.file.FileLayout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that selects a register's rows for a partner and a window, shared by the extract
 * and by reconciliation so both read exactly the same set. Keys are ordered byte-wise
 * ({@code COLLATE "C"}) so the order does not depend on the database's locale and matches
 * Java's {@code String.compareTo} for the ASCII keys registers use.
 */
public final class RegisterQuery {

    /** The SQL around each parameter: one more part than parameters. */
    private final List<String> parts;
    private final List<Object> params;

    private RegisterQuery(List<String> parts, List<Object> params) {
        this.parts = List.copyOf(parts);
        this.params = params;
    }

    /** Every detail column, in file order, as the file's text. */
    public static RegisterQuery details(RegisterDefinition register, Entitlement entitlement, ExportWindow window) {
        return select(register, textColumns(register), entitlement, window, null, null);
    }

    /** One record's detail columns, as {@link #details} reads them. */
    public static RegisterQuery detail(RegisterDefinition register, Entitlement entitlement, ExportWindow window, String key) {
        return select(register, textColumns(register), entitlement, window, "=", key);
    }

    /**
     * The extract's rows: the key, the amount columns (as text: {@code numeric(12,2)}), then the
     * detail line the database built ({@link RegisterLines}), in file order, after
     * {@code afterKey} when resuming (null: from the first).
     */
    public static RegisterQuery detailLines(RegisterDefinition r, FileLayout layout, Entitlement entitlement, ExportWindow window,
                                            String afterKey) {
        StringBuilder columns = new StringBuilder("v.").append(r.keyColumn()).append("::text");
        for (String amount : r.amountColumns()) {
            columns.append(", ").append(ColumnType.MONEY.asText("v." + amount));
        }
        columns.append(", ").append(RegisterLines.line(r, layout, "v"));
        return select(r, columns.toString(), entitlement, window, ">", afterKey);
    }

    private static String textColumns(RegisterDefinition register) {
        return register.columns().stream().map(c -> c.type().asText("v." + c.column())).collect(Collectors.joining(", "));
    }

    private static RegisterQuery select(RegisterDefinition r, String columns, Entitlement entitlement, ExportWindow window,
                                        String keyComparison, String key) {
        Query q = new Query().append("SELECT ").append(columns).append(" FROM ").append(r.view()).append(" v");
        where(q, r, entitlement, window, keyComparison, key);
        // as text: COLLATE does not apply to a uuid key
        q.append(" ORDER BY v.").append(r.keyColumn()).append("::text COLLATE \"C\"");
        return q.build();
    }

    private static void where(Query q, RegisterDefinition r, Entitlement entitlement, ExportWindow window, String keyComparison,
                              String key) {
        q.append(" WHERE v.").append(r.instantColumn()).append(" >= ").param(Timestamp.from(window.start()))
                .append(" AND v.").append(r.instantColumn()).append(" < ").param(Timestamp.from(window.cutoff()));
        entitled(q, r, "v", entitlement);
        if (key != null) {
            q.append(" AND v.").append(r.keyColumn()).append("::text COLLATE \"C\" ").append(keyComparison).append(' ').param(key);
        }
    }

    /**
     * Per key published in the window (by one of the register's key event types) and within
     * the partner's entitlement, the amounts of its latest amount event; ordered like the file.
     */
    public static RegisterQuery publishedEvents(RegisterDefinition r, Entitlement entitlement, ExportWindow window) {
        EventMatch e = r.events();
        String ek = e.key("e");
        String pk = e.key("p");
        // set-based (hash joins), not a lookup per key: the outbox has no index on aggregate_id
        Query q = new Query().append("WITH k AS (SELECT DISTINCT ").append(ek).append(" AS key FROM ").append(e.view()).append(" e")
                .append(" WHERE e.event_type = ANY(").param(e.keyTypes().toArray(String[]::new))
                .append(") AND e.occurred_at >= ").param(Timestamp.from(window.start()))
                .append(" AND e.occurred_at < ").param(Timestamp.from(window.cutoff())).append("),")
                .append(" a AS (SELECT DISTINCT ON (").append(pk).append(") ").append(pk).append(" AS key, p.payload FROM ")
                .append(e.view()).append(" p")
                .append(" WHERE p.event_type = ").param(e.amountType()).append(" AND ").append(pk).append(" IN (SELECT key FROM k)")
                .append(" ORDER BY ").append(pk).append(", p.occurred_at DESC, p.published_at DESC)")
                .append(" SELECT k.key");
        for (String amount : r.amountColumns()) {
            q.append(", (a.payload->>'").append(e.amountFields().get(amount)).append("')::numeric(12,2)");
        }
        // keys compared as text: a register's key may be a uuid (claim_id), the payload's is text
        q.append(" FROM k LEFT JOIN a ON a.key = k.key")
                .append(" WHERE k.key IN (SELECT v.").append(r.keyColumn()).append("::text FROM ").append(r.view())
                .append(" v WHERE true");
        entitled(q, r, "v", entitlement);
        q.append(")");
        q.append(" ORDER BY k.key COLLATE \"C\"");
        return q.build();
    }

    /** Key and amount columns only, for reconciliation's database side. */
    public static RegisterQuery keysAndAmounts(RegisterDefinition r, Entitlement entitlement, ExportWindow window) {
        String columns = r.keyColumn() + (r.amountColumns().isEmpty() ? "" : ", " + String.join(", ", r.amountColumns()));
        return select(r, columns, entitlement, window, null, null);
    }

    private static void entitled(Query q, RegisterDefinition r, String alias, Entitlement entitlement) {
        if (!entitlement.dealerCodes().isEmpty()) {
            q.append(" AND ").append(alias).append('.').append(r.dealerColumn()).append(" = ANY(")
                    .param(entitlement.dealerCodes().toArray(String[]::new)).append(")");
        }
        if (!entitlement.makes().isEmpty() && r.makeColumn() == null) {
            // the register cannot tell a row's make (cancellations): none is shown to be within the makes
            q.append(" AND false");
        } else if (!entitlement.makes().isEmpty()) {
            q.append(" AND upper(").append(alias).append('.').append(r.makeColumn()).append(") = ANY(")
                    .param(entitlement.makes().toArray(String[]::new)).append(")");
        }
        if (entitlement.dealerCodes().isEmpty() && entitlement.makes().isEmpty()) {
            // an entitlement to nothing sees nothing (the registry refuses one, this is the backstop)
            q.append(" AND false");
        }
    }

    public String sql() {
        return String.join("?", parts);
    }

    /**
     * The same SQL with every parameter written in as a literal, for a statement that takes
     * no parameters ({@code COPY}). Instants are rounded to microseconds half up, as pgjdbc
     * binds them, so both forms select the same rows.
     *
     * @param quoting the connection's string-literal quoting ({@code PGConnection::escapeLiteral})
     */
    public String sqlWithLiterals(Quoting quoting) throws SQLException {
        StringBuilder sql = new StringBuilder(parts.get(0));
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Timestamp t) {
                String micros = t.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
                sql.append('\'').append(quoting.escape(micros)).append("'::timestamptz");
            } else if (p instanceof String[] array) {
                sql.append("ARRAY[");
                for (int j = 0; j < array.length; j++) {
                    sql.append(j == 0 ? "" : ", ").append('\'').append(quoting.escape(array[j])).append('\'');
                }
                sql.append("]::text[]");
            } else if (p instanceof String text) {
                sql.append('\'').append(quoting.escape(text)).append("'::text");
            } else {
                throw new IllegalStateException("no literal for a parameter of type " + p.getClass().getName());
            }
            sql.append(parts.get(i + 1));
        }
        return sql.toString();
    }

    /** Escapes a string for the inside of a {@code '...'} literal on one connection. */
    @FunctionalInterface
    public interface Quoting {
        String escape(String text) throws SQLException;
    }

    /** SQL text with its parameters in order. */
    private static final class Query {
        private final List<String> parts = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Query append(Object sql) {
            current.append(sql);
            return this;
        }

        Query param(Object value) {
            parts.add(current.toString());
            current.setLength(0);
            params.add(value);
            return this;
        }

        RegisterQuery build() {
            parts.add(current.toString());
            return new RegisterQuery(parts, params);
        }
    }

    /** Binds the parameters (arrays as text[]). */
    public void bind(PreparedStatement ps) throws SQLException {
        Connection c = ps.getConnection();
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
