package com.fniexchange.platform.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the outbox trigger's NOTIFY on {@code <schema>_outbox}, on a connection of its
 * own. When the connection is lost it reconnects on the next wait and the relay falls back to
 * polling meanwhile, so a missed notification delays an event by one poll interval at most.
 */
class OutboxNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    private final DataSource dataSource;
    private Connection connection;

    OutboxNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns when a notification arrived or the time is up. */
    void await(Duration timeout) throws InterruptedException {
        try {
            if (connection == null || connection.isClosed()) {
                listen();
            }
            connection.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
        } catch (SQLException e) {
            log.warn("outbox LISTEN connection lost, polling until it is back: {}", e.getMessage());
            close();
            Thread.sleep(timeout.toMillis());
        }
    }

    private void listen() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            var rs = st.executeQuery("SELECT current_schema()");
            rs.next();
            String channel = rs.getString(1) + "_outbox";
            st.execute("LISTEN \"" + channel.replace("\"", "") + "\"");
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
