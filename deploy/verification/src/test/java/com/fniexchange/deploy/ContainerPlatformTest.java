package com.fniexchange.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.model.event.CloudEventHeaders;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.model.event.contract.ContractVoided;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.HttpApi;
import com.fniexchange.testsupport.TestVins;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The streaming services on a broker in a container, where Docker runs ({@code ./mvnw verify
 * -Pdocker}): PostgreSQL on Testcontainers, the broker a subclass starts, and contract-service,
 * claims-service and cancellation-service started from their built jars with
 * deploy/run-service.sh, as an operator starts them. A contract submitted over REST reaches
 * claims-service and cancellation-service through the broker, and its void after it; on the
 * broker its events keep their CloudEvents headers, their key and their order.
 *
 * <p>Without a Docker engine it skips. The same flow runs on an embedded KRaft broker in every
 * build (each service's end-to-end tests) and on a broker process in the local platform's demo,
 * so this is never the only test of it.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerPlatformTest {

    /** An event of one contract as the broker holds it. */
    record BrokerEvent(String partition, String key, Map<String, Object> headers, String body) {
    }

    /** What the broker needs before the services start (topics); nothing by default. */
    void prepareBroker() throws Exception {
    }

    /** The Spring profiles the services run. */
    abstract String profiles();

    /** The broker's connection, as the services' environment. */
    abstract Map<String, String> brokerEnvironment();

    /** Every event of the contract on contract-events, read from every partition as a partner would. */
    abstract List<BrokerEvent> contractEvents(String number) throws Exception;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each broker's run its own database, started before the services and stopped after them. */
    final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16.6").withDatabaseName("fni");

    private static final List<Process> SERVICES = new ArrayList<>();
    private static final Map<Service, Integer> PORTS = new HashMap<>();

    @BeforeAll
    void startTheStreamingServices() throws Exception {
        postgres.start();
        try (Connection admin = admin()) {
            admin.createStatement().execute(Files.readString(Repository.path("deploy/db/service-roles.sql")));
        }
        prepareBroker();
        for (Service service : List.of(Service.CONTRACT, Service.CLAIMS, Service.CANCELLATION)) {
            PORTS.put(service, freePort());
            SERVICES.add(start(service, profiles(), brokerEnvironment()));
        }
        for (Service service : PORTS.keySet()) {
            awaitReady(service);
        }
    }

    @AfterAll
    void stopThem() {
        SERVICES.forEach(Process::destroy);
        SERVICES.clear();
        PORTS.clear();
        postgres.stop();
    }

    @Test
    void aContractSubmittedOverRestReachesClaimsAndCancellationThroughTheBrokerWithItsHeadersAndItsVoidAfterIt() throws Exception {
        HttpApi contracts = new HttpApi(PORTS.get(Service.CONTRACT));
        String dealer = DevJwt.dealer("D1001");
        LocalDate saleDate = LocalDate.now(ZoneId.of("America/New_York")).minusDays(2);
        HttpApi.Response quote = contracts.post("/api/v1/rates", dealer, """
                {"vin":"%s","make":"Honda","modelYear":%d,"odometer":24500,"vehicleInServiceDate":"%s",
                 "saleDate":"%s","customerState":"TX","amountFinanced":32500.00,"loanTermMonths":72}
                """.formatted(TestVins.next(), saleDate.getYear() - 2, saleDate.minusYears(2), saleDate));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        HttpApi.Response submitted = contracts.post("/api/v1/contracts", dealer, """
                {"quoteId":"%s","planCode":"TW-36","dealNumber":"EH-%s","customerPrice":499.00,"financed":false,
                 "customer":{"firstName":"Jane","lastName":"Doe"}}
                """.formatted(quote.json().get("quoteId").asText(), UUID.randomUUID().toString().substring(0, 8)));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String number = submitted.json().get("contractNumber").asText();

        awaitRow("SELECT status FROM claims.contract_coverage WHERE contract_number = ?", number, "ACTIVE");
        awaitRow("SELECT contract_number FROM cancellation.contract_projection WHERE contract_number = ?", number, number);

        assertThat(contracts.post("/api/v1/contracts/" + number + "/void", dealer, "{\"reason\":\"deal unwound\"}").status()).isEqualTo(200);
        awaitRow("SELECT status FROM claims.contract_coverage WHERE contract_number = ?", number, "VOIDED");

        List<BrokerEvent> events = contractEvents(number);
        assertThat(events).extracting(e -> String.valueOf(e.headers().get(CloudEventHeaders.TYPE)))
                .as("in the order they happened").containsSubsequence(ContractSubmitted.TYPE.typeName(), ContractVoided.TYPE.typeName());
        assertThat(events).extracting(BrokerEvent::partition).as("a contract's events share one partition")
                .containsOnly(events.get(0).partition());
        for (BrokerEvent event : events) {
            assertThat(event.headers()).containsKeys(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.SPEC_VERSION,
                    CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.DATA_SCHEMA);
            assertThat(event.headers().get(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(event.headers().get(CloudEventHeaders.SUBJECT)).isEqualTo(number);
            assertThat(event.key()).as("keyed by the contract number").isEqualTo(number);
            JsonNode body = JSON.readTree(event.body());
            assertThat(body.path("contractNumber").asText()).isEqualTo(number);
        }
    }

    private Process start(Service service, String profiles, Map<String, String> broker) throws IOException {
        Path log = Repository.path("deploy/verification/target/" + service.id + "-" + getClass().getSimpleName() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Repository.path("deploy/run-service.sh").toString(), service.id)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // none of the developer's own settings: the services get only what this test gives them
        env.keySet().removeIf(name -> name.startsWith("FNI_") || name.startsWith("SPRING_") || name.startsWith("AZURE_")
                || name.equals("JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS"));
        env.put("SPRING_PROFILES_ACTIVE", profiles);
        env.put("PORT", String.valueOf(PORTS.get(service)));
        env.put("FNI_DB_URL", postgres.getJdbcUrl());
        env.put("FNI_DB_USER", postgres.getUsername());
        env.put("FNI_DB_PASSWORD", postgres.getPassword());
        env.put("FNI_DB_ROLE", "fni_" + service.id.replace("-service", ""));
        env.putAll(broker);
        return builder.start();
    }

    private static void awaitReady(Service service) throws InterruptedException {
        HttpApi api = new HttpApi(PORTS.get(service));
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api.get("/actuator/health/readiness", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(service.id + " was not ready within 180 s; see its log in deploy/verification/target/");
    }

    private void awaitRow(String sql, String number, String expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection admin = admin(); PreparedStatement query = admin.prepareStatement(sql)) {
                query.setString(1, number);
                try (ResultSet rows = query.executeQuery()) {
                    last = rows.next() ? rows.getString(1) : null;
                }
            }
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(500);
        }
        assertThat(last).as(sql + " for " + number).isEqualTo(expected);
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
