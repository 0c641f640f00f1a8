package com.fniexchange.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for this test JVM, dropped when the JVM exits. The server is,
 * in this order: {@code FNI_TEST_DB_URL} (with {@code FNI_TEST_DB_USER} /
 * {@code FNI_TEST_DB_PASSWORD}) when set; 127.0.0.1:5432 when it answers; a Testcontainers
 * PostgreSQL when Docker is available; otherwise the test fails saying how to provide one.
 * Never trusts what an earlier run left behind: every run gets its own database.
 *
 * @param url      JDBC URL of the fresh database
 * @param user     the role the tests connect as
 * @param password its password (kept out of {@link #toString()})
 */
public record TestDatabase(String url, String user, String password) {

    private static final String PREFIX = "fni_test_";
    private static volatile TestDatabase instance;

    /** The JVM's fresh database, created on first use. */
    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = create();
                }
            }
        }
        return instance;
    }

    /**
     * Another fresh database on the same server, for a test context that must not share the
     * JVM's database (one whose relay publishes to a broker of its own, say).
     */
    public static TestDatabase isolated() {
        return create();
    }

    /** The password stays out of any message that prints a database. */
    @Override
    public String toString() {
        return "TestDatabase[url=" + url + ", user=" + user + "]";
    }

    private static Server server;

    private static synchronized TestDatabase create() {
        if (server == null) {
            server = locateServer();
        }
        String name = PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xFFFF));
        try (Connection admin = DriverManager.getConnection(server.adminUrl, server.user, server.password);
             Statement st = admin.createStatement()) {
            if (instance == null) {
                dropLeftovers(st);
            }
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server.adminUrl + ": " + e.getMessage(), e);
        }
        Server created = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(created, name), "drop-" + name));
        TestDatabase db = new TestDatabase(server.databaseUrl(name), server.user, server.password);
        createServiceRoles(db);
        return db;
    }

    /** The services' roles, as deploy/db/service-roles.sql: {@code fni_<schema>}, owning its schema. */
    public static String serviceRole(String schema) {
        return "fni_" + schema;
    }

    /**
     * Whether deploy/db/service-roles.sql knows this schema, so that a service migrating it
     * should act as {@link #serviceRole(String)} (a schema of the platform's own tests has no role).
     */
    public boolean hasServiceRole(String schema) {
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner"
                     + " WHERE n.nspname = ? AND r.rolname = ?")) {
            st.setString(1, schema);
            st.setString(2, serviceRole(schema));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the roles of " + this + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs deploy/db/service-roles.sql on a fresh database, as an operator does before the services
     * first start. Roles belong to the server, so another test JVM may be creating them at the same
     * moment: one retry.
     */
    static void createServiceRoles(TestDatabase db) {
        Path script = SourceTree.root().resolve("deploy/db/service-roles.sql");
        String sql;
        try {
            sql = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = DriverManager.getConnection(db.url, db.user, db.password); Statement st = c.createStatement()) {
                st.execute(sql);
                return;
            } catch (SQLException e) {
                if (attempt == 2) {
                    throw new IllegalStateException(script + " failed on " + db + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Test databases of runs that were killed before their shutdown hook ran (older than a day). */
    private static void dropLeftovers(Statement st) throws SQLException {
        String cutoff = PREFIX + LocalDateTime.now().minusDays(1).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'fni\\_test\\_%'")) {
            while (rs.next()) {
                String db = rs.getString(1);
                if (db.compareTo(cutoff) < 0) {
                    stale.add(db);
                }
            }
        }
        for (String db : stale) {
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static void drop(Server server, String name) {
        try (Connection admin = DriverManager.getConnection(server.adminUrl, server.user, server.password);
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static Server locateServer() {
        String configured = System.getenv("FNI_TEST_DB_URL");
        String user = envOr("FNI_TEST_DB_USER", "postgres");
        String password = envOr("FNI_TEST_DB_PASSWORD", "");
        if (configured != null && !configured.isBlank()) {
            return new Server(configured, user, password);
        }
        String local = "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
        if (answers(local, user, password)) {
            return new Server(local, user, password);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("""
                No PostgreSQL for the tests. Provide one of:
                  - FNI_TEST_DB_URL=jdbc:postgresql://host:port/postgres (plus FNI_TEST_DB_USER, FNI_TEST_DB_PASSWORD),
                    a role that may CREATE DATABASE;
                  - a server on 127.0.0.1:5432 accepting user postgres (Debian: pg_ctlcluster 15 main start);
                  - a Docker engine, for a Testcontainers PostgreSQL.""");
    }

    private static boolean answers(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Server(String adminUrl, String user, String password) {
        /** The same server and parameters, another database. */
        String databaseUrl(String database) {
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }
}
