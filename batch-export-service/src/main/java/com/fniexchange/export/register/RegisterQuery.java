package com.fniexchange.export.register;

import com.fniexchange.export.partner.Entitlement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    private final String sql;
    private final List<Object> params;

    private RegisterQuery(String sql, List<Object> params) {
        this.sql = sql;
        this.params = params;
    }

    /** Every detail column, in file order, as the file's text. */
    public static RegisterQuery details(RegisterDefinition register, Entitlement entitlement, ExportWindow window) {
        String columns = register.columns().stream().map(c -> c.type().asText("v." + c.column()))
                .collect(Collectors.joining(", "));
        return select(register, columns, entitlement, window);
    }

    private static RegisterQuery select(RegisterDefinition r, String columns, Entitlement entitlement, ExportWindow window) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(r.view())
                .append(" v WHERE v.").append(r.instantColumn()).append(" >= ? AND v.").append(r.instantColumn()).append(" < ?");
        params.add(Timestamp.from(window.start()));
        params.add(Timestamp.from(window.cutoff()));
        sql.append(entitled(r, "v", entitlement, params));
        // as text: COLLATE does not apply to a uuid key
        sql.append(" ORDER BY v.").append(r.keyColumn()).append("::text COLLATE \"C\"");
        return new RegisterQuery(sql.toString(), params);
    }

    /**
     * Per key published in the window (by one of the register's key event types) and within
     * the partner's entitlement, the amounts of its latest amount event; ordered like the file.
     */
    public static RegisterQuery publishedEvents(RegisterDefinition r, Entitlement entitlement, ExportWindow window) {
        EventMatch e = r.events();
        List<Object> params = new ArrayList<>();
        String ek = e.key("e");
        String pk = e.key("p");
        // set-based (hash joins), not a lookup per key: the outbox has no index on aggregate_id
        StringBuilder sql = new StringBuilder("WITH k AS (SELECT DISTINCT ").append(ek).append(" AS key FROM ").append(e.view()).append(" e")
                .append(" WHERE e.event_type = ANY(?) AND e.occurred_at >= ? AND e.occurred_at < ?),")
                .append(" a AS (SELECT DISTINCT ON (").append(pk).append(") ").append(pk).append(" AS key, p.payload FROM ")
                .append(e.view()).append(" p")
                .append(" WHERE p.event_type = ? AND ").append(pk).append(" IN (SELECT key FROM k)")
                .append(" ORDER BY ").append(pk).append(", p.occurred_at DESC, p.published_at DESC)")
                .append(" SELECT k.key");
        params.add(e.keyTypes().toArray(String[]::new));
        params.add(Timestamp.from(window.start()));
        params.add(Timestamp.from(window.cutoff()));
        params.add(e.amountType());
        for (String amount : r.amountColumns()) {
            sql.append(", (a.payload->>'").append(e.amountFields().get(amount)).append("')::numeric(12,2)");
        }
        // keys compared as text: a register's key may be a uuid (claim_id), the payload's is text
        sql.append(" FROM k LEFT JOIN a ON a.key = k.key")
                .append(" WHERE k.key IN (SELECT v.").append(r.keyColumn()).append("::text FROM ").append(r.view())
                .append(" v WHERE true");
        sql.append(entitled(r, "v", entitlement, params)).append(")");
        sql.append(" ORDER BY k.key COLLATE \"C\"");
        return new RegisterQuery(sql.toString(), params);
    }

    /** Key and amount columns only, for reconciliation's database side. */
    public static RegisterQuery keysAndAmounts(RegisterDefinition r, Entitlement entitlement, ExportWindow window) {
        String columns = r.keyColumn() + (r.amountColumns().isEmpty() ? "" : ", " + String.join(", ", r.amountColumns()));
        return select(r, columns, entitlement, window);
    }

    private static String entitled(RegisterDefinition r, String alias, Entitlement entitlement, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (!entitlement.dealerCodes().isEmpty()) {
            sql.append(" AND ").append(alias).append('.').append(r.dealerColumn()).append(" = ANY(?)");
            params.add(entitlement.dealerCodes().toArray(String[]::new));
        }
        if (!entitlement.makes().isEmpty() && r.makeColumn() == null) {
            // the register cannot tell a row's make (cancellations): none is shown to be within the makes
            sql.append(" AND false");
        } else if (!entitlement.makes().isEmpty()) {
            sql.append(" AND upper(").append(alias).append('.').append(r.makeColumn()).append(") = ANY(?)");
            params.add(entitlement.makes().toArray(String[]::new));
        }
        if (entitlement.dealerCodes().isEmpty() && entitlement.makes().isEmpty()) {
            // an entitlement to nothing sees nothing (the registry refuses one, this is the backstop)
            sql.append(" AND false");
        }
        return sql.toString();
    }

    public String sql() {
        return sql;
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
