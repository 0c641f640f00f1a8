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
 * DealerScope scope = DealerScope.of(caller.dealerScope());
 * scope.bind(jdbc.sql("SELECT ... FROM claim WHERE claim_id = :id AND " + scope.on("repair_facility")))
 *         .param("id", id)...
 * }</pre>
 *
 * @param dealer the dealer the caller acts for; empty for provider roles
 */
public record DealerScope(Optional<DealerCode> dealer) {

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
}
