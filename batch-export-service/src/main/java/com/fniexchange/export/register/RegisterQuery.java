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
        sql.append(" ORDER BY v.").append(r.keyColumn()).append(" COLLATE \"C\"");
        return new RegisterQuery(sql.toString(), params);
    }

    /**
     * Per key published in the window (by one of the register's key event types) and within
     * the partner's entitlement, the amounts of its latest amount event; ordered like the file.
     */
    public static RegisterQuery publishedEvents(RegisterDefinition r, Entitlement entitlement, ExportWindow window) {
        EventMatch e = r.events();
        List<Object> params = new ArrayList<>();
        // set-based (hash joins), not a lookup per key: the outbox has no index on aggregate_id
        StringBuilder sql = new StringBuilder("WITH k AS (SELECT DISTINCT e.aggregate_id FROM ").append(e.view()).append(" e")
                .append(" WHERE e.event_type = ANY(?) AND e.occurred_at >= ? AND e.occurred_at < ?),")
                .append(" a AS (SELECT DISTINCT ON (p.aggregate_id) p.aggregate_id, p.payload FROM ").append(e.view()).append(" p")
                .append(" WHERE p.event_type = ? AND p.aggregate_id IN (SELECT aggregate_id FROM k)")
                .append(" ORDER BY p.aggregate_id, p.occurred_at DESC, p.published_at DESC)")
                .append(" SELECT k.aggregate_id");
        params.add(e.keyTypes().toArray(String[]::new));
        params.add(Timestamp.from(window.start()));
        params.add(Timestamp.from(window.cutoff()));
        params.add(e.amountType());
        for (String amount : r.amountColumns()) {
            sql.append(", (a.payload->>'").append(e.amountFields().get(amount)).append("')::numeric(12,2)");
        }
        sql.append(" FROM k LEFT JOIN a ON a.aggregate_id = k.aggregate_id")
                .append(" WHERE k.aggregate_id IN (SELECT v.").append(r.keyColumn()).append(" FROM ").append(r.view())
                .append(" v WHERE true");
        sql.append(entitled(r, "v", entitlement, params)).append(")");
        sql.append(" ORDER BY k.aggregate_id COLLATE \"C\"");
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
        if (!entitlement.makes().isEmpty()) {
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
