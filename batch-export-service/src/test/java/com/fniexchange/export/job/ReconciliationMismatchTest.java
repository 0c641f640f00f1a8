package com.fniexchange.export.job;

import static com.fniexchange.export.support.Partner.partner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.export.support.PartnerExport;
import com.fniexchange.export.support.PartnerExports;
import com.fniexchange.export.support.TestFaults;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** Reconciliation catches what it exists for, fails the job with RECONCILIATION_MISMATCH and counts it. */
@BatchExportTest
class ReconciliationMismatchTest {

    @Autowired PartnerExports exports;
    @Autowired TestFaults faults;
    @Autowired MeterRegistry meters;

    @Test
    void aRecordWhoseEventWasNeverPublishedFailsTheJobUntilTheEventIsPublished() throws Exception {
        String partner = "MISS-EVENT";
        LocalDate date = LocalDate.of(2026, 3, 2);
        PartnerExport export = exports.onboard(partner(partner).dealers("M100").layout(FileLayout.PIPE));
        ContractRows.issue("M100", "Honda", ContractRows.during(date, 1), "1695.00", "850.00", true);
        Instant silentAt = ContractRows.during(date, 2);
        String silent = ContractRows.issue("M100", "Honda", silentAt, "1900.00", "850.00", false);
        ContractRows.issue("M100", "Honda", ContractRows.during(date, 3), "1700.00", "850.00", true);
        double before = mismatches(partner);

        JobExecution execution = export.run(date);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(PartnerExportJob.RECONCILIATION_MISMATCH);
        assertThat(mismatches(partner)).isEqualTo(before + 1);
        JsonNode report = report(partner, date);
        assertThat(report.get("status").asText()).isEqualTo("MISMATCHED");
        assertThat(report.get("differences").get("withoutPublishedEvent").get("keys")).extracting(JsonNode::asText)
                .containsExactly(silent);
        assertThat(report.get("differences").size()).isEqualTo(1);
        assertThat(report.get("database").get("count").asLong()).isEqualTo(3);
        assertThat(report.get("events").get("count").asLong()).isEqualTo(2);
        assertThat(ContractRows.jdbc().sql("""
                SELECT differences->'withoutPublishedEvent'->'keys'->>0 FROM batch_export.reconciliation_log
                WHERE job_execution_id = :id AND status = 'MISMATCHED'""").param("id", execution.getId())
                .query(String.class).single()).isEqualTo(silent);

        // the relay catches up; a restart reconciles again (nothing is extracted or delivered twice)
        ContractRows.publishSubmittedAndActivated(silent, "M100", silentAt, "1900.00", "850.00");
        JobExecution restarted = export.restart(execution);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName()).containsExactly("reconcile");
        assertThat(report(partner, date).get("status").asText()).isEqualTo("MATCHED");
    }

    @Test
    void aFileWithAWrongTrailerFailsTheJob() throws Exception {
        PartnerExport export = exports.onboard(partner("BAD-TRAILER").dealers("M200"));
        LocalDate date = LocalDate.of(2026, 3, 3);
        for (int i = 0; i < 4; i++) {
            ContractRows.issue("M200", "Toyota", ContractRows.during(date, i), "1695.00", "850.00", true);
        }
        faults.rewriteTrailer(export.partner(), trailer -> trailer.replaceFirst("^T,4,", "T,5,"));
        try {
            JobExecution execution = export.run(date);

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(execution.getExitStatus().getExitCode()).isEqualTo(PartnerExportJob.RECONCILIATION_MISMATCH);
            JsonNode report = report(export.partner(), date);
            assertThat(report.get("status").asText()).isEqualTo("MISMATCHED");
            assertThat(report.get("fileTrailer").get("count").asLong()).isEqualTo(5);
            assertThat(report.get("fileDetails").get("count").asLong()).isEqualTo(4);
            assertThat(report.get("database").get("count").asLong()).isEqualTo(4);
            assertThat(report.get("differences").has("trailerDiffers")).isTrue();
        } finally {
            faults.clear(export.partner());
        }
    }

    private double mismatches(String partner) {
        var counter = meters.find(ExportMetrics.MISMATCHES).tag("partner", partner).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The report as delivered beside the file on SFTP. */
    private static JsonNode report(String partner, LocalDate date) throws Exception {
        String name = partner + "_contracts_" + date.toString().replace("-", "") + ".reconciliation.json";
        return new ObjectMapper().readTree(Files.readAllBytes(Fixtures.outbound(partner).resolve(name)));
    }
}
