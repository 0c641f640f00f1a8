package com.fniexchange.export.ops;

import static com.fniexchange.testsupport.OpenApiContract.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.export.job.ExportJobKey;
import com.fniexchange.export.job.PartnerExportJob;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.OpenApiContract;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The ops API's OpenAPI document matches real traffic: every operation and every status it
 * documents is driven through the whole service, with partners that leave out what is optional
 * (no OpenPGP key, only one of SFTP and Blob), and every request and response is validated
 * against the service's own {@code /v3/api-docs}.
 */
@BatchExportTest
class OpenApiTrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = DevJwt.ops();
    /** A valid token of a role the ops API refuses. */
    private static final String DEALER = DevJwt.dealer("D1001");
    private static final String NO_EXECUTION = "/api/v1/exports/executions/987654321";

    @Autowired WebApplicationContext context;
    @Autowired JobRepository jobs;

    @Test
    void everyOperationAndEveryDocumentedStatusMatchesTheDocument() throws Exception {
        OpenApiContract api = OpenApiContract.of(context);
        LocalDate date = LocalDate.of(2026, 4, 20);

        // partners: one by SFTP only, one by Blob only, neither encrypting; created, replaced, refused
        Map<String, Object> sftpOnly = settings("OAS-SFTP", "blob");
        Map<String, Object> blobOnly = settings("OAS-BLOB", "sftp");
        JsonNode created = status(201, json(api, put("/api/v1/exports/partners/OAS-SFTP"), sftpOnly));
        assertThat(created.get("blob").isNull()).as("the document must allow what is sent: %s", created).isTrue();
        assertThat(created.get("pgpPublicKey").isNull()).isTrue();
        status(200, json(api, put("/api/v1/exports/partners/OAS-SFTP"), sftpOnly));
        assertThat(status(201, json(api, put("/api/v1/exports/partners/OAS-BLOB"), blobOnly)).get("sftp").isNull()).isTrue();
        Map<String, Object> bad = new LinkedHashMap<>(sftpOnly);
        bad.put("timeZone", "Mars/Olympus");
        status(400, json(api, put("/api/v1/exports/partners/OAS-BAD"), bad));
        status(415, api.perform(put("/api/v1/exports/partners/OAS-BAD").header("Authorization", "Bearer " + OPS)
                .contentType(MediaType.TEXT_PLAIN).content("hello")));
        platformErrors(api, put("/api/v1/exports/partners/OAS-SFTP"), JSON.writeValueAsString(sftpOnly));
        status(200, api.perform(get("/api/v1/exports/partners/OAS-BLOB").header("Authorization", "Bearer " + OPS)));
        status(404, api.perform(get("/api/v1/exports/partners/NOBODY").header("Authorization", "Bearer " + OPS)));
        platformErrors(api, get("/api/v1/exports/partners/OAS-BLOB"), null);
        status(200, api.perform(get("/api/v1/exports/partners").header("Authorization", "Bearer " + OPS)));
        platformErrors(api, get("/api/v1/exports/partners"), null);

        // runs: started, again, refused for each documented reason
        ContractRows.issue("Q300", "Subaru", ContractRows.during(date, 1), "1695.00", "850.00", true);
        JsonNode started = status(202, json(api, post("/api/v1/exports/runs"), run("OAS-SFTP", date)));
        long id = started.get("executionId").asLong();
        completed(api, id);
        status(409, json(api, post("/api/v1/exports/runs"), run("OAS-SFTP", date)));
        status(404, json(api, post("/api/v1/exports/runs"), run("NOBODY", date)));
        status(422, json(api, post("/api/v1/exports/runs"), Map.of("register", "REMITTANCE", "partnerId", "OAS-SFTP",
                "businessDate", date.toString())));
        status(400, json(api, post("/api/v1/exports/runs"), run("OAS-SFTP", LocalDate.now().plusDays(3))));
        platformErrors(api, post("/api/v1/exports/runs"), JSON.writeValueAsString(run("OAS-BLOB", date)));
        completedEveryRunOf(api, "OAS-BLOB");

        // reads
        status(200, api.perform(get("/api/v1/exports/executions/" + id).header("Authorization", "Bearer " + OPS)));
        status(404, api.perform(get(NO_EXECUTION).header("Authorization", "Bearer " + OPS)));
        platformErrors(api, get("/api/v1/exports/executions/" + id), null);
        status(200, api.perform(get("/api/v1/exports/executions/" + id + "/reconciliation").header("Authorization", "Bearer " + OPS)));
        status(404, api.perform(get(NO_EXECUTION + "/reconciliation").header("Authorization", "Bearer " + OPS)));
        platformErrors(api, get("/api/v1/exports/executions/" + id + "/reconciliation"), null);
        assertThat(status(200, ops(api, get("/api/v1/exports/executions").param("limit", "1")))).hasSize(1);
        status(200, api.perform(get("/api/v1/exports/executions").param("partnerId", "OAS-SFTP").param("register", "CONTRACT_REGISTER")
                .header("Authorization", "Bearer " + OPS)));
        status(400, api.perform(get("/api/v1/exports/executions").param("limit", "0").header("Authorization", "Bearer " + OPS)));
        platformErrors(api, get("/api/v1/exports/executions"), null);

        // a run a killed process left STARTED: marked failed, then restarted; each refusal on the way
        JobExecution killed = killedRun("OAS-SFTP", date.plusDays(1));
        String killedPath = "/api/v1/exports/executions/" + killed.getId();
        status(409, ops(api, post(killedPath + "/restart")));
        String markKey = UUID.randomUUID().toString();
        assertThat(status(200, ops(api, post(killedPath + "/mark-failed").header("Idempotency-Key", markKey))).get("status").asText())
                .isEqualTo("FAILED");
        status(422, ops(api, post(NO_EXECUTION + "/mark-failed").header("Idempotency-Key", markKey)));
        status(400, ops(api, post(killedPath + "/mark-failed").header("Idempotency-Key", "k".repeat(300))));
        status(409, ops(api, post(killedPath + "/mark-failed")));
        status(404, ops(api, post(NO_EXECUTION + "/mark-failed")));
        platformErrors(api, post(killedPath + "/mark-failed"), null);
        String restartKey = UUID.randomUUID().toString();
        long restarted = status(202, ops(api, post(killedPath + "/restart").header("Idempotency-Key", restartKey)))
                .get("executionId").asLong();
        completed(api, restarted);
        status(422, ops(api, post(NO_EXECUTION + "/restart").header("Idempotency-Key", restartKey)));
        status(400, ops(api, post(killedPath + "/restart").header("Idempotency-Key", "k".repeat(300))));
        status(409, ops(api, post("/api/v1/exports/executions/" + restarted + "/restart")));
        assertThat(status(409, ops(api, post(killedPath + "/restart"))).get("latestExecutionId").asLong()).isEqualTo(restarted);
        status(404, ops(api, post(NO_EXECUTION + "/restart")));
        platformErrors(api, post(killedPath + "/restart"), null);

        api.assertEveryOperationExercised();
        api.assertEveryDocumentedStatusExercised(500);
        System.out.println("OpenAPI traffic: " + api.validatedExchanges() + " exchanges validated; " + api.exercised().size()
                + " operations: " + api.exercised());
    }

    /** Fixtures' settings for a partner of dealer Q300, without an OpenPGP key, without the channel named, and without the other's optional fields. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> settings(String partner, String withoutChannel) {
        Map<String, Object> settings = new LinkedHashMap<>(JSON.convertValue(Fixtures.settings(partner, List.of("Q300"), List.of(),
                List.of(Register.CONTRACT_REGISTER), FileLayout.CSV, null), Map.class));
        settings.remove("pgpPublicKey");
        settings.remove(withoutChannel);
        // and what the remaining channel leaves optional
        for (String channel : List.of("sftp", "blob")) {
            if (settings.get(channel) instanceof Map<?, ?> given) {
                Map<String, Object> trimmed = new LinkedHashMap<>((Map<String, Object>) given);
                trimmed.remove("stagingPath");
                trimmed.remove("prefix");
                settings.put(channel, trimmed);
            }
        }
        return settings;
    }

    private static Map<String, String> run(String partner, LocalDate date) {
        return Map.of("register", "CONTRACT_REGISTER", "partnerId", partner, "businessDate", date.toString());
    }

    private JobExecution killedRun(String partner, LocalDate date) throws Exception {
        JobExecution killed = jobs.createJobExecution(PartnerExportJob.NAME, new ExportJobKey(Register.CONTRACT_REGISTER, partner,
                date, date.plusDays(1).atStartOfDay(ContractRows.ZONE).toInstant()).toParameters());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(LocalDateTime.now());
        jobs.update(killed);
        return killed;
    }

    private static void completed(OpenApiContract api, long executionId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status(200, ops(api, get("/api/v1/exports/executions/" + executionId)))
                .get("status").asText().equals("COMPLETED"));
    }

    /** The platform checks start real runs (a keyed request goes through once): let them finish. */
    private static void completedEveryRunOf(OpenApiContract api, String partner) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode page = status(200, ops(api, get("/api/v1/exports/executions").param("partnerId", partner)));
            return page.findValuesAsText("status").stream().allMatch(s -> s.equals("COMPLETED") || s.equals("FAILED"));
        });
    }

    private static void platformErrors(OpenApiContract api, MockHttpServletRequestBuilder request, String body) throws Exception {
        api.assertPlatformErrors(request, body, OPS, DEALER);
    }

    private static ResultActions ops(OpenApiContract api, MockHttpServletRequestBuilder request) {
        return api.perform(request.header("Authorization", "Bearer " + OPS));
    }

    private static ResultActions json(OpenApiContract api, MockHttpServletRequestBuilder request, Object body) throws Exception {
        return ops(api, request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)));
    }
}
