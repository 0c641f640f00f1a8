package com.fniexchange.export;

import com.fniexchange.export.support.Azurite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.SpringApplication;

/**
 * Runs batch-export-service on a developer machine: creates the {@code fni} database when it is
 * missing, makes sure Azurite answers on 127.0.0.1:10000 (starting the copy .ci/run installed if
 * needed) and starts the service with the {@code local} profile on port 8084.
 * {@code ./mvnw -pl batch-export-service spring-boot:test-run}
 */
public final class LocalBatchExportService {

    private LocalBatchExportService() {
    }

    public static void main(String[] args) throws Exception {
        String url = env("FNI_DB_URL", "jdbc:postgresql://127.0.0.1:5432/fni");
        ensureDatabase(url, env("FNI_DB_USER", "postgres"), env("FNI_DB_PASSWORD", ""));
        if (System.getenv("FNI_BLOB_CONNECTION_STRING") == null) {
            Azurite.connectionString();
        }
        SpringApplication app = new SpringApplication(BatchExportApplication.class);
        app.setAdditionalProfiles("local");
        app.run(args);
    }

    private static void ensureDatabase(String url, String user, String password) throws SQLException {
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'");
            if (!rs.next()) {
                st.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
