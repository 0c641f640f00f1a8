package com.fniexchange.contract;

import com.fniexchange.platform.security.Caller;
import java.sql.Types;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whose rows a caller may read or lock: a dealer its own, provider roles every dealer's, a token
 * without a known role none. Repositories put it in the WHERE clause ({@link #SQL}), so another
 * dealer's row is never fetched, let alone locked, and answers exactly like a missing one.
 */
public record DealerScope(boolean everyDealer, String dealerCode) {

    /** The condition on a table's {@code dealer_code}; bind it with {@link #bind}. */
    public static final String SQL = "(:everyDealer OR dealer_code = :scopeDealer)";

    public static DealerScope of(Caller caller) {
        if (caller.isDealer()) {
            return new DealerScope(false, caller.requireDealer().value());
        }
        return new DealerScope(!caller.roles().isEmpty(), null);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("everyDealer", everyDealer).param("scopeDealer", dealerCode, Types.VARCHAR);
    }
}
