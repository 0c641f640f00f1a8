package com.fniexchange.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * How a service runs alone on a developer machine with nothing but PostgreSQL (each service's
 * {@code Local…Service} main, started by {@code ./mvnw -pl <service> spring-boot:test-run}):
 * the {@code fni} database is created when missing, an embedded Kafka broker is started on
 * 127.0.0.1:9092 when nothing listens there (services started the same way then share it), and
 * the service runs with the {@code local} profile. {@code FNI_DB_URL}, {@code FNI_DB_USER},
 * {@code FNI_DB_PASSWORD} and {@code FNI_KAFKA_BROKERS} point elsewhere.
 */
public final class LocalRun {

    private LocalRun() {
    }

    /** Database, broker, then the service with the {@code local} profile. */
    public static ConfigurableApplicationContext start(Class<?> application, String... args) throws SQLException {
        ensureDatabase();
        ensureBroker();
        return run(application, args);
    }

    /** The service alone with the {@code local} profile, for one that needs no broker. */
    public static ConfigurableApplicationContext run(Class<?> application, String... args) {
        SpringApplication app = new SpringApplication(application);
        app.setAdditionalProfiles("local");
        return app.run(args);
    }

    /** Creates the database {@code FNI_DB_URL} names (default {@code fni}) when it is missing. */
    public static void ensureDatabase() throws SQLException {
        String url = env("FNI_DB_URL", "jdbc:postgresql://127.0.0.1:5432/fni");
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, env("FNI_DB_USER", "postgres"), env("FNI_DB_PASSWORD", ""));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "") + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE \"" + name.replace("\"", "") + "\"");
                System.out.println("created database " + name);
            }
        }
    }

    /** Starts an embedded broker on 127.0.0.1:9092 unless {@code FNI_KAFKA_BROKERS} is set or one listens there. */
    public static void ensureBroker() {
        if (System.getenv("FNI_KAFKA_BROKERS") == null && !listening("127.0.0.1", 9092)) {
            EmbeddedKafkaKraftBroker broker = TestKafka.start(9092);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
            System.out.println("embedded Kafka broker on " + broker.getBrokersAsString());
        }
    }

    /** Whether something accepts TCP connections on host:port (within 300 ms). */
    public static boolean listening(String host, int port) {
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
