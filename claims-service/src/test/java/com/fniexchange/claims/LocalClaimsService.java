package com.fniexchange.claims;

import com.fniexchange.testsupport.TestKafka;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Runs claims-service on a developer machine with nothing but PostgreSQL: creates the
 * {@code fni} database when it is missing, starts an embedded Kafka broker on 127.0.0.1:9092 when
 * nothing listens there (a contract-service started the same way shares it), and starts the
 * service with the {@code local} profile on port 8082. {@code ./mvnw -pl claims-service spring-boot:test-run}
 */
public final class LocalClaimsService {

    private LocalClaimsService() {
    }

    public static void main(String[] args) throws Exception {
        String dbUrl = env("FNI_DB_URL", "jdbc:postgresql://127.0.0.1:5432/fni");
        ensureDatabase(dbUrl, env("FNI_DB_USER", "postgres"), env("FNI_DB_PASSWORD", ""));
        if (System.getenv("FNI_KAFKA_BROKERS") == null && !listening("127.0.0.1", 9092)) {
            EmbeddedKafkaKraftBroker broker = TestKafka.start(9092);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
            System.out.println("embedded Kafka broker on " + broker.getBrokersAsString());
        }
        SpringApplication app = new SpringApplication(ClaimsServiceApplication.class);
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
                System.out.println("created database " + name);
            }
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
