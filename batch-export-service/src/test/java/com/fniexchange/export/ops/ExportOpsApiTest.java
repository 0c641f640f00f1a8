package com.fniexchange.export.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.export.job.ExportJobKey;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.job.PartnerExportJob;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.export.support.OpsApi;
import com.fniexchange.export.support.TestSftpServer;
import com.fniexchange.testsupport.DevJwt;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ops API on the wire: partner registry, runs, restarts, listings, reports, errors as problem+json. */
@BatchExportTest
class ExportOpsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());

    @LocalServerPort int port;
    @Autowired JobRepository jobs;

    @Test
    void onlyOpsMayCallIt() {
        OpsApi api = new OpsApi(port);
        assertThat(api.get("/api/v1/exports/partners", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/exports/partners", DevJwt.dealer("D1001")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/exports/executions", DevJwt.providerAdmin()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/exports/partners", DevJwt.ops()).status()).isEqualTo(200);
    }

    @Test
    void invalidPartnerSettingsAreRefusedNamingEachField() throws Exception {
        OpsApi api = new OpsApi(port);
        Map<String, Object> settings = settingsOf("OPS-BAD");
        settings.put("schedule", "every night");
        settings.put("timeZone", "Mars/Olympus");
        settings.put("registers", List.of("CONTRACT_REGISTER", "CONTRACT_REGISTER"));
        settings.put("entitlement", Map.of("dealerCodes", List.of(), "makes", List.of()));
        settings.put("pgpPublicKey", "not a key");
        @SuppressWarnings("unchecked") Map<String, Object> sftp = (Map<String, Object>) settings.get("sftp");
        sftp.put("hostKey", "ssh-rsa nonsense");
        sftp.put("identity", "nobody");

        OpsApi.Response refused = api.put("/api/v1/exports/partners/OPS-BAD", DevJwt.ops(), JSON.writeValueAsString(settings));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "entitlement", "registers[1]", "sftp.identity", "sftp.hostKey", "pgpPublicKey", "schedule", "timeZone");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(api.get("/api/v1/exports/partners/OPS-BAD", DevJwt.ops()).status()).isEqualTo(404);

        Map<String, Object> noLayout = settingsOf("OPS-BAD");
        noLayout.remove("layout");
        OpsApi.Response missing = api.put("/api/v1/exports/partners/OPS-BAD", DevJwt.ops(), JSON.writeValueAsString(noLayout));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactly("layout");
    }

    @Test
    void runListFetchTheReportAndRefuseWhatCannotBeDone() throws Exception {
        OpsApi api = new OpsApi(port);
        String partner = "OPS-RUN";
        LocalDate date = LocalDate.of(2026, 3, 9);
        OpsApi.Response created = api.put("/api/v1/exports/partners/" + partner, DevJwt.ops(), JSON.writeValueAsString(settingsOf(partner)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("updatedBy").asText()).isNotBlank();
        assertThat(api.put("/api/v1/exports/partners/" + partner, DevJwt.ops(), JSON.writeValueAsString(settingsOf(partner))).status())
                .isEqualTo(200);
        ContractRows.issue("O100", "Subaru", ContractRows.during(date, 1), "1695.00", "850.00", true);
        ContractRows.issue("O100", "Subaru", ContractRows.during(date, 2), "1705.00", "850.00", true);

        OpsApi.Response future = api.post("/api/v1/exports/runs", DevJwt.ops(), run("CONTRACT_REGISTER", partner, LocalDate.now().plusDays(3)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").findValuesAsText("field")).containsExactly("businessDate");
        assertThat(api.post("/api/v1/exports/runs", DevJwt.ops(), run("CONTRACT_REGISTER", "NOBODY", date)).status()).isEqualTo(404);
        OpsApi.Response notReceived = api.post("/api/v1/exports/runs", DevJwt.ops(), run("REMITTANCE", partner, date));
        assertThat(notReceived.status()).isEqualTo(422);
        assertThat(notReceived.json().get("type").asText()).endsWith("/register-not-received");
        assertThat(api.post("/api/v1/exports/runs", DevJwt.ops(), "{\"register\":\"PAYROLL\",\"partnerId\":\"X\",\"businessDate\":\"2026-03-09\"}")
                .status()).isEqualTo(400);

        OpsApi.Response started = api.post("/api/v1/exports/runs", DevJwt.ops(), run("CONTRACT_REGISTER", partner, date));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("executionId").asLong();
        assertThat(started.location()).isEqualTo("/api/v1/exports/executions/" + id);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/exports/executions/" + id, DevJwt.ops()).json().get("status").asText().equals("COMPLETED"));
        JsonNode execution = api.get("/api/v1/exports/executions/" + id, DevJwt.ops()).json();
        assertThat(execution.get("recordCount").asLong()).isEqualTo(2);
        assertThat(execution.get("reconciliation").asText()).isEqualTo("MATCHED");
        assertThat(execution.get("steps").findValuesAsText("name")).containsExactly("extract", "package", "deliver", "reconcile");
        assertThat(execution.get("steps").get(0).get("writeCount").asLong()).isEqualTo(2);

        OpsApi.Response again = api.post("/api/v1/exports/runs", DevJwt.ops(), run("CONTRACT_REGISTER", partner, date));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/export-exists");
        assertThat(again.json().get("executionId").asLong()).isEqualTo(id);
        assertThat(api.post("/api/v1/exports/executions/" + id + "/restart", DevJwt.ops(), "").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/exports/executions/" + id + "/mark-failed", DevJwt.ops(), "").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/exports/executions/987654321", DevJwt.ops()).status()).isEqualTo(404);

        JsonNode list = api.get("/api/v1/exports/executions?partnerId=" + partner + "&register=CONTRACT_REGISTER", DevJwt.ops()).json();
        assertThat(list.findValuesAsText("executionId")).containsExactly(Long.toString(id));
        assertThat(api.get("/api/v1/exports/executions?limit=0", DevJwt.ops()).status()).isEqualTo(400);
        JsonNode report = api.get("/api/v1/exports/executions/" + id + "/reconciliation", DevJwt.ops()).json();
        assertThat(report.get("status").asText()).isEqualTo("MATCHED");
        assertThat(report.get("fileTrailer").get("totals").get("customerPrice").asText()).isEqualTo("3400.00");
    }

    @Test
    void theSameExportRequestedManyTimesAtOnceStartsOnceAndTheRestAreTold() throws Exception {
        String partner = "OPS-RACE";
        LocalDate date = LocalDate.of(2026, 3, 11);
        OpsApi api = onboardedWithAContractSold(partner, "O100", date);

        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<OpsApi.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> api.post("/api/v1/exports/runs", DevJwt.ops(), run("CONTRACT_REGISTER", partner, date))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<OpsApi.Response> answer : answers) {
                OpsApi.Response r = answer.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertThat(r.json().get("type").asText()).endsWith("/export-exists");
                }
            }
            assertThat(statuses).as("one started, the others told it exists (never a 500)")
                    .containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void aRunAKilledProcessLeftStartedIsMarkedFailedThenRestarted() throws Exception {
        String partner = "OPS-KILLED";
        LocalDate date = LocalDate.of(2026, 3, 10);
        OpsApi api = onboardedWithAContractSold(partner, "O200", date);
        // what a killed process leaves: an execution STARTED that nothing runs
        JobExecution killed = jobs.createJobExecution(PartnerExportJob.NAME, new ExportJobKey(Register.CONTRACT_REGISTER, partner,
                date, date.plusDays(1).atStartOfDay(ContractRows.ZONE).toInstant()).toParameters());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(java.time.LocalDateTime.now());
        jobs.update(killed);
        assertThat(api.post("/api/v1/exports/executions/" + killed.getId() + "/restart", DevJwt.ops(), "").status()).isEqualTo(409);

        OpsApi.Response marked = api.post("/api/v1/exports/executions/" + killed.getId() + "/mark-failed", DevJwt.ops(), "");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().get("status").asText()).isEqualTo("FAILED");

        OpsApi.Response restarted = api.post("/api/v1/exports/executions/" + killed.getId() + "/restart", DevJwt.ops(), "");
        assertThat(restarted.status()).isEqualTo(202);
        long id = restarted.json().get("executionId").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/exports/executions/" + id, DevJwt.ops()).json().get("status").asText().equals("COMPLETED"));
        assertThat(api.get("/api/v1/exports/executions/" + id, DevJwt.ops()).json().get("reconciliation").asText()).isEqualTo("MATCHED");
    }

    @Test
    void aRunOrRestartWithAnIdempotencyKeyStartsOnceAndItsRetryGetsTheSameAnswer() throws Exception {
        // the job repository refuses to start a job inside a caller's transaction, and the
        // Idempotency-Key filter runs the request in one: the launch must stand apart from it
        String partner = "OPS-IDEM";
        LocalDate date = LocalDate.of(2026, 3, 11);
        OpsApi api = onboardedWithAContractSold(partner, "O100", date);
        String key = java.util.UUID.randomUUID().toString();

        OpsApi.Response started = api.post("/api/v1/exports/runs", DevJwt.ops(), run("CONTRACT_REGISTER", partner, date), key);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("executionId").asLong();
        OpsApi.Response retried = api.post("/api/v1/exports/runs", DevJwt.ops(), run("CONTRACT_REGISTER", partner, date), key);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("executionId").asLong()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/exports/executions/" + id, DevJwt.ops()).json().get("status").asText().equals("COMPLETED"));
        assertThat(api.get("/api/v1/exports/executions?partnerId=" + partner, DevJwt.ops()).json().findValuesAsText("executionId"))
                .containsExactly(Long.toString(id));

        // a restart through the same door: mark a later date's run failed, then restart it with a key
        LocalDate next = date.plusDays(1);
        ContractRows.issue("O100", "Subaru", ContractRows.during(next, 1), "1695.00", "850.00", true);
        JobExecution killed = jobs.createJobExecution(PartnerExportJob.NAME, new ExportJobKey(Register.CONTRACT_REGISTER, partner,
                next, next.plusDays(1).atStartOfDay(ContractRows.ZONE).toInstant()).toParameters());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(java.time.LocalDateTime.now());
        jobs.update(killed);
        String markKey = java.util.UUID.randomUUID().toString();
        assertThat(api.post("/api/v1/exports/executions/" + killed.getId() + "/mark-failed", DevJwt.ops(), "", markKey).status())
                .isEqualTo(200);
        String restartKey = java.util.UUID.randomUUID().toString();
        OpsApi.Response restarted = api.post("/api/v1/exports/executions/" + killed.getId() + "/restart", DevJwt.ops(), "", restartKey);
        assertThat(restarted.status()).as(restarted.body()).isEqualTo(202);
        long restartedId = restarted.json().get("executionId").asLong();
        assertThat(api.post("/api/v1/exports/executions/" + killed.getId() + "/restart", DevJwt.ops(), "", restartKey).json()
                .get("executionId").asLong()).isEqualTo(restartedId);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/v1/exports/executions/" + restartedId, DevJwt.ops()).json().get("status").asText().equals("COMPLETED"));
    }

    /** The partner created through the API, and one contract its dealer sold on the date; the API to go on with. */
    private OpsApi onboardedWithAContractSold(String partner, String dealer, LocalDate date) throws Exception {
        OpsApi api = new OpsApi(port);
        assertThat(api.put("/api/v1/exports/partners/" + partner, DevJwt.ops(), JSON.writeValueAsString(settingsOf(partner))).status())
                .isEqualTo(201);
        ContractRows.issue(dealer, "Subaru", ContractRows.during(date, 1), "1695.00", "850.00", true);
        return api;
    }

    private static String run(String register, String partner, LocalDate date) {
        return "{\"register\":\"%s\",\"partnerId\":\"%s\",\"businessDate\":\"%s\"}".formatted(register, partner, date);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settingsOf(String partner) {
        Map<String, Object> settings = JSON.convertValue(Fixtures.settings(partner, List.of("O100", "O200"), List.of(),
                List.of(Register.CONTRACT_REGISTER), FileLayout.CSV, null), Map.class);
        settings.put("sftp", new java.util.LinkedHashMap<>((Map<String, Object>) settings.get("sftp")));
        assertThat(((Map<String, Object>) settings.get("sftp")).get("hostKey")).isEqualTo(TestSftpServer.get().hostKey());
        return new java.util.LinkedHashMap<>(settings);
    }

}
