package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.storage.blob.models.BlobProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.ContractServiceInProcess;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.export.support.OpsApi;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestVins;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Contracts created through contract-service's API, published by its relay, exported for a
 * partner entitled to Honda: the file arrives on SFTP and in Azurite, its header, details,
 * trailer and manifest are right, and reconciliation matches.
 */
@BatchExportTest
class ContractRegisterEndToEndTest {

    private static final String PARTNER = "E2E-HONDA";

    @Autowired PartnerOnboarding registry;
    @Autowired ExportLauncher runs;
    @LocalServerPort int port;

    @Test
    void contractsFromTheApiArriveOnSftpAndBlobAndReconcile() throws Exception {
        OpsApi contractApi = new OpsApi(ContractServiceInProcess.port());
        LocalDate today = LocalDate.now(ContractRows.ZONE);
        Map<String, String> hondaPrices = new TreeMap<>();
        hondaPrices.put(contract(contractApi, "D1001", "Honda", "1695.00"), "1695.00");
        hondaPrices.put(contract(contractApi, "D1002", "Honda", "1800.50"), "1800.50");
        hondaPrices.put(contract(contractApi, "D1001", "Honda", "1750.25"), "1750.25");
        String toyota = contract(contractApi, "D1001", "Toyota", "1695.00");
        List<String> all = new ArrayList<>(hondaPrices.keySet());
        all.add(toyota);
        // the relay publishes them (published_at set after the broker's ack)
        await().atMost(Duration.ofSeconds(30)).until(() -> ContractRows.jdbc().sql(
                "SELECT count(*) FROM contract.outbox_event WHERE aggregate_id IN (:n) AND published_at IS NULL")
                .param("n", all).query(Long.class).single() == 0);

        registry.save(PARTNER, Fixtures.settings(PARTNER, List.of(), List.of("HONDA"), List.of(Register.CONTRACT_REGISTER),
                FileLayout.CSV, null), "test");
        JobExecution execution = runs.run(Register.CONTRACT_REGISTER, PARTNER, today);
        assertThat(execution.getStatus()).as(execution.getExitStatus().toString()).isEqualTo(BatchStatus.COMPLETED);

        String base = PARTNER + "_contracts_" + today.format(DateTimeFormatter.BASIC_ISO_DATE);
        String dataName = base + ".csv.gz";
        assertThat(Fixtures.sftpNames(PARTNER)).containsExactly(base + ".csv.gz", base + ".manifest.json", base + ".reconciliation.json");
        assertThat(Fixtures.stagingNames(PARTNER)).isEmpty();
        byte[] sftpBytes = Files.readAllBytes(Fixtures.outbound(PARTNER).resolve(dataName));
        byte[] blobBytes = Fixtures.blob(PARTNER, dataName).downloadContent().toBytes();
        assertThat(blobBytes).isEqualTo(sftpBytes);

        List<String> lines = Fixtures.gunzip(sftpBytes).lines().toList();
        assertThat(lines.get(0)).isEqualTo("H," + PARTNER + ",CONTRACT_REGISTER," + today + "," + base + ",1");
        List<String> details = lines.subList(1, lines.size() - 1);
        assertThat(details).hasSize(3);
        List<String> keys = details.stream().map(l -> l.split(",")[1]).toList();
        assertThat(keys).containsExactlyElementsOf(hondaPrices.keySet()); // sorted by contract number
        BigDecimal priceTotal = BigDecimal.ZERO;
        for (String line : details) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(19);
            assertThat(f[0]).isEqualTo("D");
            assertThat(f[8]).isEqualTo("HONDA"); // contract-service stores makes upper-case
            assertThat(f[15]).isEqualTo(hondaPrices.get(f[1]));
            assertThat(f[16]).isEqualTo("850.00");
            assertThat(f[2]).startsWith(today.toString().substring(0, 4)); // issuedAt, an ISO instant
            priceTotal = priceTotal.add(new BigDecimal(f[15]));
        }
        assertThat(priceTotal).isEqualByComparingTo("5245.75");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("T,3,5245.75,2550.00");
        assertThat(keys).doesNotContain(toyota);

        JsonNode manifest = new ObjectMapper().readTree(Files.readAllBytes(Fixtures.outbound(PARTNER).resolve(base + ".manifest.json")));
        assertThat(manifest.get("sha256").asText()).isEqualTo(Fixtures.sha256(sftpBytes));
        assertThat(manifest.get("plaintextSha256").asText()).isEqualTo(Fixtures.sha256(Fixtures.gunzip(sftpBytes).getBytes("UTF-8")));
        assertThat(manifest.get("recordCount").asLong()).isEqualTo(3);
        assertThat(manifest.get("totals").get("customerPrice").asText()).isEqualTo("5245.75");
        assertThat(manifest.get("fileName").asText()).isEqualTo(dataName);

        BlobProperties blob = Fixtures.blob(PARTNER, dataName).getProperties();
        assertThat(blob.getContentMd5()).isEqualTo(MessageDigest.getInstance("MD5").digest(blobBytes));
        assertThat(blob.getMetadata()).containsEntry("partner", PARTNER).containsEntry("businessDate", today.toString())
                .containsEntry("recordCount", "3").containsEntry("sha256", Fixtures.sha256(blobBytes));
        assertThat(Fixtures.blobNames(PARTNER)).contains(base + ".manifest.json", base + ".reconciliation.json");

        OpsApi ops = new OpsApi(port);
        OpsApi.Response report = ops.get("/api/v1/exports/executions/" + execution.getId() + "/reconciliation", DevJwt.ops());
        assertThat(report.status()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.get("status").asText()).isEqualTo("MATCHED");
        assertThat(r.get("database").get("count").asLong()).isEqualTo(3);
        assertThat(r.get("events").get("count").asLong()).isEqualTo(3);
        assertThat(r.get("events").get("totals").get("customerPrice").asText()).isEqualTo("5245.75");
        assertThat(r.get("fileTrailer").get("totals").get("dealerCost").asText()).isEqualTo("2550.00");
        assertThat(r.get("differences").size()).isZero();
        JsonNode delivered = new ObjectMapper().readTree(Files.readAllBytes(Fixtures.outbound(PARTNER).resolve(base + ".reconciliation.json")));
        assertThat(delivered.get("status").asText()).isEqualTo("MATCHED");
        assertThat(ContractRows.jdbc().sql("SELECT status FROM batch_export.reconciliation_log WHERE job_execution_id = :id")
                .param("id", execution.getId()).query(String.class).list()).containsExactly("MATCHED");
    }

    /** Rates and submits a contract through contract-service's API; returns its number. */
    private static String contract(OpsApi api, String dealer, String make, String price) {
        String vin = TestVins.next();
        LocalDate sale = LocalDate.now(ContractRows.ZONE).minusDays(2);
        OpsApi.Response quote = api.post("/api/v1/rates", DevJwt.dealer(dealer), """
                {"vin":"%s","make":"%s","modelYear":%d,"odometer":24500,"vehicleInServiceDate":"%s",
                 "saleDate":"%s","customerState":"TX","amountFinanced":32500.00,"loanTermMonths":72}
                """.formatted(vin, make, sale.getYear() - 2, sale.minusYears(2), sale));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        OpsApi.Response created = api.post("/api/v1/contracts", DevJwt.dealer(dealer), """
                {"quoteId":"%s","planCode":"VSC-36-36-100","dealNumber":"E2E-%s","customerPrice":%s,"financed":true,
                 "lienholder":"Ally Bank","customer":{"firstName":"Jane","lastName":"Doe"}}
                """.formatted(quote.json().get("quoteId").asText(), vin.substring(9), price));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("ACTIVE");
        return created.json().get("contractNumber").asText();
    }

}
