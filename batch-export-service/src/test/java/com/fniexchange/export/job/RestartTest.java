package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.partner.PartnerSettings;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.export.support.TestFaults;
import com.fniexchange.platform.retention.PurgeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An export that fails mid-write (after 2 committed chunks of 10) and is restarted delivers a
 * file byte-identical to a clean run's, the restarted extract reading only what was left; a
 * restart uses the partner settings its export started with.
 */
@BatchExportTest
class RestartTest {

    private static final String PARTNER = "RESTART-P";
    private static final LocalDate DATE = LocalDate.of(2026, 3, 4);

    @Autowired PartnerOnboarding registry;
    @Autowired ExportLauncher runs;
    @Autowired TestFaults faults;
    @Autowired JobRepository jobs;
    @Autowired PurgeTarget frozenPartnerSettingsPurge;
    @Autowired com.fniexchange.export.ExportProperties properties;
    /** The service's own connections, as the platform's purge uses them (its role, its schema). */
    @Autowired org.springframework.jdbc.core.simple.JdbcClient serviceJdbc;

    @Test
    void aRestartedExportDeliversTheSameBytesAsACleanRun() throws Exception {
        fixedWidthPartnerOf25Contracts(PARTNER, "R100", DATE, 1600);
        String data = PARTNER + "_contracts_20260304.dat.gz";

        JobExecution clean = runs.run(Register.CONTRACT_REGISTER, PARTNER, DATE);
        assertThat(clean.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        byte[] cleanBytes = Files.readAllBytes(Fixtures.outbound(PARTNER).resolve(data));
        assertThat(Fixtures.gunzip(cleanBytes).lines().filter(l -> l.startsWith("D"))).hasSize(25);
        forget(clean);

        JobExecution failed = failingBeforeChunk(3, PARTNER, DATE);
        StepExecution failedExtract = step(failed, "extract");
        assertThat(failedExtract.getWriteCount()).isEqualTo(20);
        assertThat(failedExtract.getExecutionContext().getLong("extract.count")).isEqualTo(20);
        assertThat(Files.exists(Fixtures.outbound(PARTNER).resolve(data))).isFalse();

        JobExecution restarted = runs.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(restarted, "extract").getReadCount()).isEqualTo(5); // resumed after the 20 committed records
        byte[] restartedBytes = Files.readAllBytes(Fixtures.outbound(PARTNER).resolve(data));
        assertThat(restartedBytes).isEqualTo(cleanBytes);
        assertThat(Fixtures.blob(PARTNER, data).downloadContent().toBytes()).isEqualTo(cleanBytes);
    }

    @Test
    void aRestartWhoseWorkFolderLostTheStoppedRunsFileExtractsAgainFromTheStart() throws Exception {
        String partner = "RESTART-ELSEWHERE";
        LocalDate date = LocalDate.of(2026, 3, 6);
        fixedWidthPartnerOf25Contracts(partner, "R110", date, 1700);
        JobExecution failed = failingBeforeChunk(3, partner, date);
        assertThat(step(failed, "extract").getExecutionContext().getLong("extract.count")).isEqualTo(20);
        // as another replica's or a new pod's work folder is: without the stopped run's file
        List<Path> left;
        try (Stream<Path> files = Files.walk(properties.workDir())) {
            left = files.filter(f -> Files.isRegularFile(f) && f.toString().contains(partner)).toList();
        }
        assertThat(left).as("the stopped run's plain file").isNotEmpty();
        for (Path f : left) {
            Files.delete(f);
        }

        // the restart starts over and fails again before its first commit: the stopped run's place is forgotten
        faults.failBeforeChunk(partner, 1);
        JobExecution failedAgain;
        try {
            failedAgain = runs.restart(failed.getId());
        } finally {
            faults.clear(partner);
        }
        assertThat(failedAgain.getStatus()).isEqualTo(BatchStatus.FAILED);

        JobExecution restarted = runs.restart(failedAgain.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(step(restarted, "extract").getReadCount()).as("all 25 again, not the 5 left").isEqualTo(25);
        String file = Fixtures.gunzip(Files.readAllBytes(Fixtures.outbound(partner).resolve(partner + "_contracts_20260306.dat.gz")));
        assertThat(file.lines().filter(l -> l.startsWith("D"))).hasSize(25);
    }

    @Test
    void aRestartUsesThePartnerSettingsItsExportStartedWithAndTheNextExportTheNewOnes() throws Exception {
        String partner = "RESTART-FROZEN";
        LocalDate date = LocalDate.of(2026, 3, 12);
        registry.save(partner, Fixtures.settings(partner, List.of("R200"), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.PIPE, null), "test");
        ContractRows.issue("R200", "Honda", ContractRows.during(date, 1), "1600.00", "850.00", true);
        ContractRows.issue("R300", "Honda", ContractRows.during(date, 2), "1700.00", "850.00", true);
        ContractRows.issue("R300", "Honda", ContractRows.during(date.plusDays(1), 3), "1800.00", "850.00", true);

        JobExecution failed = failingBeforeChunk(1, partner, date);
        // between the failure and the restart, ops change the layout and the entitlement, and move the SFTP pickup
        PartnerSettings changed = Fixtures.settings(partner, List.of("R300"), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.CSV, null);
        Files.createDirectories(Fixtures.outbound(partner).resolveSibling("moved"));
        PartnerSettings.SftpSettings sftp = changed.sftp();
        registry.save(partner, new PartnerSettings(changed.name(), changed.kind(), changed.entitlement(), changed.registers(),
                changed.layout(), changed.compression(), changed.pgpPublicKey(), new PartnerSettings.SftpSettings(sftp.host(), sftp.port(),
                sftp.user(), sftp.identity(), "/" + partner + "/moved", null, sftp.hostKey()), changed.blob(), changed.schedule(),
                changed.timeZone(), changed.active()), "ops");
        // and a row frozen by another release, with a field this one does not know, still reads
        ContractRows.jdbc().sql("""
                UPDATE batch_export.export_partner_settings SET settings = settings || '{"retiredSetting": true}'::jsonb
                WHERE partner_id = :p""").param("p", partner).update();

        JobExecution restarted = runs.restart(failed.getId());

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path moved = Fixtures.outbound(partner).resolveSibling("moved");
        String started = Fixtures.gunzip(Files.readAllBytes(moved.resolve(partner + "_contracts_20260312.txt.gz")));
        assertThat(started).as("the layout and entitlement the export started with").contains("|R200|").doesNotContain("R300");
        assertThat(Fixtures.sftpNames(partner)).as("delivered where the partner's pickup is now").isEmpty();

        // a completed export's frozen settings go after the retention; an export still to be restarted keeps its own
        JobExecution pending = killedRun(partner, date.plusDays(5));
        ContractRows.jdbc().sql("UPDATE batch_export.export_partner_settings SET frozen_at = now() - interval '400 days'"
                + " WHERE partner_id = :p").param("p", partner).update();
        java.time.Instant cutoff = frozenPartnerSettingsPurge.cutoff().apply(java.time.Instant.now());
        // (the platform's scheduled purge may take a turn meanwhile: what is left is what counts)
        while (frozenPartnerSettingsPurge.deleteBatch(serviceJdbc, cutoff, 1) > 0) {
            // one row per statement, as the purge goes
        }
        assertThat(ContractRows.jdbc().sql("SELECT business_date FROM batch_export.export_partner_settings WHERE partner_id = :p")
                .param("p", partner).query(LocalDate.class).list()).as("the completed export's went, the killed one's stays")
                .containsExactly(date.plusDays(5));
        jobs.deleteJobInstance(pending.getJobInstance());

        JobExecution next = runs.run(Register.CONTRACT_REGISTER, partner, date.plusDays(1));
        assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String nextFile = Fixtures.gunzip(Files.readAllBytes(moved.resolve(partner + "_contracts_20260313.csv.gz")));
        assertThat(nextFile).as("the next export: the new settings").contains(",R300,").doesNotContain("R200");
    }

    /** A partner of one dealer's contracts in fixed width, and 25 of them issued on the date (Hondas and Fords). */
    private void fixedWidthPartnerOf25Contracts(String partner, String dealer, LocalDate date, int firstPrice) {
        registry.save(partner, Fixtures.settings(partner, List.of(dealer), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.FIXED_WIDTH, null), "test");
        for (int i = 0; i < 25; i++) {
            ContractRows.issue(dealer, i % 2 == 0 ? "Honda" : "Ford", ContractRows.during(date, i), (firstPrice + i) + ".25", "850.00", true);
        }
    }

    /** The export run with a crash injected before this chunk: FAILED. */
    private JobExecution failingBeforeChunk(int chunk, String partner, LocalDate date) throws Exception {
        faults.failBeforeChunk(partner, chunk);
        try {
            JobExecution failed = runs.run(Register.CONTRACT_REGISTER, partner, date);
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
            return failed;
        } finally {
            faults.clear(partner);
        }
    }

    /** What a killed process leaves: an execution STARTED that nothing runs, its settings frozen as a start freezes them. */
    private JobExecution killedRun(String partner, LocalDate date) throws Exception {
        JobExecution killed = jobs.createJobExecution(PartnerExportJob.NAME, new ExportJobKey(Register.CONTRACT_REGISTER, partner,
                date, date.plusDays(1).atStartOfDay(ContractRows.ZONE).toInstant()).toParameters());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(java.time.LocalDateTime.now());
        jobs.update(killed);
        ContractRows.jdbc().sql("""
                INSERT INTO batch_export.export_partner_settings (register, partner_id, business_date, job_instance_id, settings)
                SELECT 'CONTRACT_REGISTER', partner_id, :date, :instance, settings FROM batch_export.export_partner_settings
                WHERE partner_id = :p LIMIT 1""").param("date", date).param("instance", killed.getJobInstance().getInstanceId())
                .param("p", partner).update();
        return killed;
    }

    private static StepExecution step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Removes the clean run (its job instance, ledger rows and delivered files) so the same
     * (register, partner, date) can run again: the only way to compare a restarted run with a
     * clean run of the very same instance.
     */
    private void forget(JobExecution clean) throws Exception {
        jobs.deleteJobInstance(clean.getJobInstance());
        ContractRows.jdbc().sql("DELETE FROM batch_export.delivery WHERE partner_id = :p").param("p", PARTNER).update();
        ContractRows.jdbc().sql("DELETE FROM batch_export.export_partner_settings WHERE partner_id = :p").param("p", PARTNER).update();
        try (Stream<Path> files = Files.list(Fixtures.outbound(PARTNER))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        for (String name : Fixtures.blobNames(PARTNER)) {
            Fixtures.blob(PARTNER, name).delete();
        }
    }
}
