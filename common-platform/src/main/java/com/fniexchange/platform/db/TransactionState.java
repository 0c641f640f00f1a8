package com.fniexchange.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.core.BaseConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Asks PostgreSQL whether the current transaction's connection is in an aborted state (a
 * statement failed, e.g. a unique violation a service caught). Such a transaction accepts no
 * further statement but ROLLBACK, so code that must decide between writing more and rolling
 * back asks here instead of trying a statement and catching the failure.
 */
public final class TransactionState {

    private TransactionState() {
    }

    /** True when the connection bound to the current transaction is in PostgreSQL's failed state. */
    public static boolean aborted(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.isWrapperFor(BaseConnection.class)
                    && connection.unwrap(BaseConnection.class).getTransactionState() == org.postgresql.core.TransactionState.FAILED;
        } catch (SQLException e) {
            return true;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
