package com.fniexchange.contract;

import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.security.Role;
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
        // as Caller.maySee: provider roles that see every dealer do, anyone else sees nothing
        return new DealerScope(caller.roles().stream().anyMatch(Role::seesEveryDealer), null);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return statement.param("everyDealer", everyDealer).param("scopeDealer", dealerCode, Types.VARCHAR);
    }
}
