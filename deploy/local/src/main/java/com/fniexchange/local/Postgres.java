package com.fniexchange.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server every service shares: the one at {@code FNI_DB_URL} (with
 * {@code FNI_DB_USER} / {@code FNI_DB_PASSWORD}), by default {@code 127.0.0.1:5432}, database
 * {@code fni}, user {@code postgres}. The launcher does not run PostgreSQL; it checks that it
 * answers, creates the database when it is missing (each service migrates its own schema), and on
 * {@code --reset} drops the services' schemas.
 */
final class Postgres {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/fni";
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]+)/([^?]+)(\\?.*)?");
    /** Every schema a service migrates, in the order they depend on each other. */
    private static final List<String> SCHEMAS = List.of("batch_export", "cancellation", "claims", "contract");

    /** The roles and schemas every service needs, the file operators run too (README, "Database roles"). */
    static final String SERVICE_ROLES = "deploy/db/service-roles.sql";

    private final String url;
    private final String user;
    private final String password;

    Postgres(Map<String, String> environment) {
        this.url = environment.getOrDefault("FNI_DB_URL", DEFAULT_URL);
        this.user = environment.getOrDefault("FNI_DB_USER", "postgres");
        this.password = environment.getOrDefault("FNI_DB_PASSWORD", "");
    }

    /** The URL without its query: a password may be given there, and this is printed. */
    String printableUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    String user() {
        return user;
    }

    /** Checks the server answers and the database exists, creating it when it does not. */
    void prepare(boolean reset) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new LaunchFailure("postgresql", "FNI_DB_URL must look like jdbc:postgresql://host:5432/fni, not " + printableUrl());
        }
        String database = m.group(2);
        try (Connection ignored = connect(url)) {
            // the database exists
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw unreachable(m.group(1), e);
            }
            String admin = "jdbc:postgresql://" + m.group(1) + "/postgres" + (m.group(3) == null ? "" : m.group(3));
            try (Connection c = connect(admin); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                System.out.println("  created database " + database + " on " + m.group(1));
            } catch (SQLException create) {
                throw new LaunchFailure("postgresql", "database " + database + " does not exist on " + m.group(1)
                        + " and user " + user + " cannot create it (" + create.getMessage() + "). Create it: createdb " + database);
            }
        }
        if (reset) {
            try (Connection c = connect(url); Statement st = c.createStatement()) {
                for (String schema : SCHEMAS) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                System.out.println("  --reset: dropped schemas " + String.join(", ", SCHEMAS) + " of " + database);
            } catch (SQLException e) {
                throw new LaunchFailure("postgresql", "--reset could not drop the services' schemas: " + e.getMessage());
            }
        }
    }

    /** The role deploy/db/service-roles.sql creates for the service owning this schema. */
    static String serviceRole(String schema) {
        return "fni_" + schema;
    }

    /** Runs deploy/db/service-roles.sql (idempotent) as the launcher's user, before any service starts. */
    void createServiceRoles(Path script) {
        String sql;
        try {
            sql = Files.readString(script);
        } catch (IOException e) {
            throw new LaunchFailure("postgresql", "cannot read " + script + ": " + e.getMessage());
        }
        try (Connection c = connect(url); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new LaunchFailure("postgresql", SERVICE_ROLES + " failed as user " + user + " (" + firstLine(e)
                    + "). The launcher's user must be able to create roles and schemas in the database.");
        }
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl, p);
    }

    private LaunchFailure unreachable(String hostAndPort, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new LaunchFailure("postgresql", "PostgreSQL at " + hostAndPort + " refused user " + user
                    + " (" + firstLine(e) + "). Set FNI_DB_USER and FNI_DB_PASSWORD for a role"
                    + " that may create schemas in the database.");
        }
        return new LaunchFailure("postgresql", """
                PostgreSQL does not answer at %s (%s).
                    The platform needs PostgreSQL 15 or later. Install and start it, for example
                      Debian/Ubuntu: sudo apt install postgresql && sudo pg_ctlcluster 15 main start
                      macOS:         brew install postgresql@16 && brew services start postgresql@16
                    or point the platform at a server you have:
                      FNI_DB_URL=jdbc:postgresql://host:5432/fni FNI_DB_USER=... FNI_DB_PASSWORD=... ./run-local.sh"""
                .formatted(hostAndPort, firstLine(e)));
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
