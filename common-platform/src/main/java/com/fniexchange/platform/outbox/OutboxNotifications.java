package com.fniexchange.platform.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import java.util.function.BooleanSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the outbox trigger's NOTIFY on {@code <schema>_outbox}, on a connection of its
 * own. When the connection is lost it reconnects on the next wait and the relay falls back to
 * polling meanwhile, so a missed notification delays an event by one poll interval at most.
 */
class OutboxNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    private static final long SLICE_MILLIS = 500;

    private final DataSource dataSource;
    private Connection connection;

    OutboxNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Returns when a notification arrived, the time is up, or {@code keepWaiting} turns false
     * (checked every half second, so a stopping relay is not held for a whole poll interval).
     */
    void await(Duration timeout, BooleanSupplier keepWaiting) throws InterruptedException {
        if (!ensureListening()) {
            Thread.sleep(timeout.toMillis());
            return;
        }
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (keepWaiting.getAsBoolean()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                PGNotification[] received = pg.getNotifications((int) Math.max(1, Math.min(left, SLICE_MILLIS)));
                if (received != null && received.length > 0) {
                    return;
                }
            }
        } catch (SQLException e) {
            log.warn("outbox LISTEN connection lost, polling until it is back: {}", e.getMessage());
            close();
            Thread.sleep(timeout.toMillis());
        }
    }

    /** Opens the LISTEN connection unless it is open: a NOTIFY from a commit after this returns is not missed. */
    boolean ensureListening() {
        try {
            if (connection == null || connection.isClosed()) {
                listen();
            }
            return true;
        } catch (SQLException e) {
            log.warn("outbox LISTEN connection could not be opened, polling until it is: {}", e.getMessage());
            close();
            return false;
        }
    }

    private void listen() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            String channel;
            try (ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                rs.next();
                channel = rs.getString(1) + "_outbox";
            }
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
