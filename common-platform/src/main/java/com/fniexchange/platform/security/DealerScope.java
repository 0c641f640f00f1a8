package com.fniexchange.platform.security;

import com.fniexchange.model.DealerCode;
import java.sql.Types;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a caller may see of dealer-owned rows, in SQL: one dealer's rows for a dealer, every
 * row for a provider role ({@code Caller.dealerScope()} is empty). Another dealer's row is then
 * simply not found: a 404, never a 403 that would confirm it exists.
 *
 * <pre>{@code
 * DealerScope.of(caller.dealerScope())
 *         .query(jdbc, "SELECT * FROM claim WHERE claim_id = :id AND " + DealerScope.CONDITION, "repair_facility")
 *         .param("id", id)...
 * }</pre>
 *
 * @param dealer the dealer the caller acts for; empty for provider roles
 */
public record DealerScope(Optional<DealerCode> dealer) {

    /** Where {@link #query} puts the condition in its SQL. */
    public static final String CONDITION = "{dealer scope}";

    /** The parameter the condition names. */
    public static final String PARAM = "dealer";

    public static DealerScope of(Optional<DealerCode> dealer) {
        return new DealerScope(dealer);
    }

    /** The condition on the column holding the row's dealer code (qualified as the query needs: {@code c.dealer_code}). */
    public String on(String column) {
        return "(CAST(:" + PARAM + " AS varchar) IS NULL OR " + column + " = :" + PARAM + ")";
    }

    /** Binds the condition's parameter (a typed null for provider roles, which PostgreSQL needs to plan it). */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param(PARAM, dealer.map(DealerCode::value).orElse(null), Types.VARCHAR);
    }

    /**
     * The statement with the condition on {@code column} in place of {@link #CONDITION}, bound.
     *
     * @throws IllegalArgumentException when the SQL has no {@link #CONDITION}: an unscoped query is a bug, not a default
     */
    public JdbcClient.StatementSpec query(JdbcClient jdbc, String sql, String column) {
        if (!sql.contains(CONDITION)) {
            throw new IllegalArgumentException("no " + CONDITION + " in " + sql);
        }
        return bind(jdbc.sql(sql.replace(CONDITION, on(column))));
    }
}
