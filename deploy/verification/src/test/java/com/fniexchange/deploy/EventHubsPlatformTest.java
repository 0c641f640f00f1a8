package com.fniexchange.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubConsumerClient;
import com.azure.messaging.eventhubs.models.EventPosition;
import com.azure.messaging.eventhubs.models.PartitionEvent;
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
import org.testcontainers.azure.AzuriteContainer;
import org.testcontainers.azure.EventHubsEmulatorContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The {@code eventhubs} profile for real, where Docker runs ({@code ./mvnw verify -Pdocker}):
 * PostgreSQL, Azurite and the Azure Event Hubs emulator on Testcontainers (the hubs of
 * deploy/compose/eventhubs/Config.json), and contract-service, claims-service and
 * cancellation-service started from their built jars with deploy/run-service.sh, as an operator
 * starts them. A contract submitted over REST reaches claims-service and cancellation-service
 * through Event Hubs, its CloudEvents headers intact, and its void after it, in order.
 *
 * <p>Without a Docker engine it skips. The same flow on Kafka runs in every build (each service's
 * end-to-end tests and the local platform's demo), so this is never the only test of it.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
class EventHubsPlatformTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:16.6").withDatabaseName("fni");

    @Container
    static final AzuriteContainer AZURITE = new AzuriteContainer("mcr.microsoft.com/azure-storage/azurite:3.37.0")
            .withNetwork(NETWORK).withNetworkAliases("azurite");

    @Container
    static final EventHubsEmulatorContainer EVENT_HUBS = new EventHubsEmulatorContainer(
            "mcr.microsoft.com/azure-messaging/eventhubs-emulator:2.1.0")
            .acceptLicense()
            .withNetwork(NETWORK)
            .withConfig(MountableFile.forHostPath(Repository.path("deploy/compose/eventhubs/Config.json")))
            .withAzuriteContainer(AZURITE);

    private static final List<Process> SERVICES = new ArrayList<>();
    private static final Map<Service, Integer> PORTS = new HashMap<>();

    @BeforeAll
    static void startTheStreamingServicesOnEventHubs() throws Exception {
        try (Connection admin = admin()) {
            admin.createStatement().execute(Files.readString(Repository.path("deploy/db/service-roles.sql")));
        }
        for (Service service : List.of(Service.CONTRACT, Service.CLAIMS, Service.CANCELLATION)) {
            PORTS.put(service, freePort());
            SERVICES.add(start(service));
        }
        for (Service service : PORTS.keySet()) {
            awaitReady(service);
        }
    }

    @AfterAll
    static void stopThem() {
        SERVICES.forEach(Process::destroy);
    }

    @Test
    void aContractSubmittedOverRestReachesClaimsAndCancellationThroughEventHubsWithItsHeadersAndItsVoidAfterIt() throws Exception {
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

        List<EventData> events = contractEvents(number);
        assertThat(events).extracting(e -> String.valueOf(e.getProperties().get(CloudEventHeaders.TYPE)))
                .as("one partition, in the order they happened").containsSubsequence(
                        ContractSubmitted.TYPE.typeName(), ContractVoided.TYPE.typeName());
        for (EventData event : events) {
            Map<String, Object> headers = event.getProperties();
            assertThat(headers).containsKeys(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.SPEC_VERSION,
                    CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.DATA_SCHEMA);
            assertThat(headers.get(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(headers.get(CloudEventHeaders.SUBJECT)).isEqualTo(number);
            assertThat(event.getPartitionKey()).as("keyed by the contract number").isEqualTo(number);
            JsonNode body = JSON.readTree(event.getBodyAsString());
            assertThat(body.path("contractNumber").asText()).isEqualTo(number);
        }
    }

    /** Every event of one contract on contract-events, read from each partition as a partner would. */
    private static List<EventData> contractEvents(String number) {
        List<EventData> found = new ArrayList<>();
        try (EventHubConsumerClient consumer = new EventHubClientBuilder()
                .connectionString(EVENT_HUBS.getConnectionString(), "contract-events")
                .consumerGroup(EventHubClientBuilder.DEFAULT_CONSUMER_GROUP_NAME)
                .buildConsumerClient()) {
            List<String> partitionsWithIt = new ArrayList<>();
            for (String partition : consumer.getPartitionIds()) {
                for (PartitionEvent event : consumer.receiveFromPartition(partition, 500, EventPosition.earliest(), Duration.ofSeconds(5))) {
                    if (number.equals(event.getData().getProperties().get(CloudEventHeaders.SUBJECT))) {
                        found.add(event.getData());
                        if (!partitionsWithIt.contains(partition)) {
                            partitionsWithIt.add(partition);
                        }
                    }
                }
            }
            assertThat(partitionsWithIt).as("a contract's events share one partition").hasSize(1);
        }
        return found;
    }

    private static Process start(Service service) throws IOException {
        Path log = Repository.path("deploy/verification/target/" + service.id + "-eventhubs.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Repository.path("deploy/run-service.sh").toString(), service.id)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "eventhubs,local");
        env.put("PORT", String.valueOf(PORTS.get(service)));
        env.put("FNI_DB_URL", POSTGRES.getJdbcUrl());
        env.put("FNI_DB_USER", POSTGRES.getUsername());
        env.put("FNI_DB_PASSWORD", POSTGRES.getPassword());
        env.put("FNI_DB_ROLE", "fni_" + service.id.replace("-service", ""));
        env.put("AZURE_EVENTHUBS_CONNECTION_STRING", EVENT_HUBS.getConnectionString());
        env.put("AZURE_STORAGE_ACCOUNT_NAME", "devstoreaccount1");
        env.put("AZURE_STORAGE_ACCOUNT_KEY", azuriteKey());
        env.put("SPRING_CLOUD_AZURE_EVENTHUBS_PROCESSOR_CHECKPOINTSTORE_ENDPOINT",
                "http://" + AZURITE.getHost() + ":" + AZURITE.getMappedPort(10000) + "/devstoreaccount1");
        env.put("SPRING_CLOUD_AZURE_EVENTHUBS_PROCESSOR_CHECKPOINTSTORE_CREATECONTAINERIFNOTEXISTS", "true");
        return builder.start();
    }

    private static String azuriteKey() {
        for (String part : AZURITE.getConnectionString().split(";")) {
            if (part.startsWith("AccountKey=")) {
                return part.substring("AccountKey=".length());
            }
        }
        throw new AssertionError("Azurite's connection string has no AccountKey");
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
        throw new AssertionError(service.id + " was not ready within 180 s; see deploy/verification/target/" + service.id + "-eventhubs.log");
    }

    private static void awaitRow(String sql, String number, String expected) throws Exception {
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

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
