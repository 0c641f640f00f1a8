package com.fniexchange.export.job;

import static com.fniexchange.export.support.Partner.partner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.export.partner.PartnerSettings;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.export.support.PartnerExport;
import com.fniexchange.export.support.PartnerExports;
import com.fniexchange.export.support.TestSftpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** SFTP trouble: retried, then a clear failure; a rerun delivers once; a wrong host key is refused. */
@BatchExportTest
@ExtendWith(OutputCaptureExtension.class)
class SftpOutageTest {

    @Autowired PartnerExports exports;
    @Autowired org.springframework.core.env.Environment environment;
    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void anSftpOutageIsRetriedThenFailsAndTheRerunDeliversOnce() throws Exception {
        String partner = "SFTP-DOWN";
        LocalDate date = LocalDate.of(2026, 3, 5);
        PartnerExport export = exports.onboard(partner(partner).dealers("S100"));
        for (int i = 0; i < 3; i++) {
            ContractRows.issue("S100", "Kia", ContractRows.during(date, i), "1695.00", "850.00", true);
        }
        TestSftpServer sftp = TestSftpServer.get();
        sftp.stop();
        AtomicInteger connections = new AtomicInteger();
        JobExecution failed;
        // the port answers TCP but speaks no SSH: every attempt is a real connection the test counts
        try (ServerSocket mute = new ServerSocket(sftp.port(), 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!mute.isClosed()) {
                    try (Socket s = mute.accept()) {
                        connections.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.start();
            failed = export.run(date);
        } finally {
            sftp.start();
        }

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getExitStatus().getExitDescription())
                .contains("SFTP delivery of " + partner + "_contracts_20260305.csv.gz to partner " + partner)
                .contains("failed after 3 attempts");
        assertThat(connections.get()).isEqualTo(3);
        assertThat(Fixtures.sftpNames(partner)).isEmpty();
        // Blob was delivered meanwhile, and is not sent again by the rerun
        assertThat(Fixtures.blobNames(partner)).containsExactly(partner + "_contracts_20260305.csv.gz",
                partner + "_contracts_20260305.manifest.json");
        String blobEtag = Fixtures.blob(partner, partner + "_contracts_20260305.csv.gz").getProperties().getETag();

        JobExecution rerun = export.restart(failed);

        assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Fixtures.sftpNames(partner)).containsExactly(partner + "_contracts_20260305.csv.gz",
                partner + "_contracts_20260305.manifest.json", partner + "_contracts_20260305.reconciliation.json");
        assertThat(Fixtures.stagingNames(partner)).isEmpty();
        assertThat(Fixtures.blob(partner, partner + "_contracts_20260305.csv.gz").getProperties().getETag()).isEqualTo(blobEtag);
        assertThat(ContractRows.jdbc().sql("""
                SELECT channel || ' ' || file_name FROM batch_export.delivery WHERE partner_id = :p ORDER BY 1""")
                .param("p", partner).query(String.class).list()).containsExactly(
                "BLOB " + partner + "_contracts_20260305.csv.gz", "BLOB " + partner + "_contracts_20260305.manifest.json",
                "BLOB " + partner + "_contracts_20260305.reconciliation.json",
                "SFTP " + partner + "_contracts_20260305.csv.gz", "SFTP " + partner + "_contracts_20260305.manifest.json",
                "SFTP " + partner + "_contracts_20260305.reconciliation.json");
    }

    @Test
    void aServerWithAnotherHostKeyIsRefused() throws Exception {
        String partner = "SFTP-MITM";
        LocalDate date = LocalDate.of(2026, 3, 6);
        PartnerSettings s = partner(partner).dealers("S200").settings();
        PartnerExport export = exports.onboard(partner, withSftp(s, s.sftp().identity(), TestSftpServer.foreignHostKey()));
        ContractRows.issue("S200", "Kia", ContractRows.during(date, 1), "1695.00", "850.00", true);

        JobExecution execution = export.run(date);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitDescription()).contains("SFTP delivery of");
        assertThat(Fixtures.sftpNames(partner)).isEmpty();
        assertThat(Fixtures.stagingNames(partner)).isEmpty();
    }

    @Test
    void aKeyGivenAsTextDeliversAndAFailingDeliveryLeavesItInNoLogLineNorExitMessage(CapturedOutput output) throws Exception {
        // identity "inline" holds the key text itself (ExportTestInfrastructure), as an environment variable would
        String keyBody = Files.readAllLines(TestSftpServer.get().clientKeyFile()).get(2);
        // the service checks its identities when it starts (a wrong one stops it: SftpIdentityCheckTest)
        assertThat(context.getBeanNamesForType(Class.forName("com.fniexchange.export.delivery.SftpIdentityCheck"))).hasSize(1);
        String partner = "SFTP-INLINE";
        LocalDate date = LocalDate.of(2026, 3, 7);
        PartnerSettings s = partner(partner).dealers("S300").settings();
        PartnerExport export = exports.onboard(partner, withSftp(s, "inline", s.sftp().hostKey()));
        ContractRows.issue("S300", "Kia", ContractRows.during(date, 1), "1695.00", "850.00", true);

        JobExecution delivered = export.run(date);

        assertThat(delivered.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Fixtures.sftpNames(partner)).contains(partner + "_contracts_20260307.csv.gz");

        String refused = "SFTP-INLINE-X";
        PartnerExport failing = exports.onboard(refused, withSftp(partner(refused).dealers("S300").settings(), "inline",
                TestSftpServer.foreignHostKey()));
        JobExecution failed = failing.run(date);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        // the capture sees the service's log: the failure is there, no configured secret is
        String accountKey = com.fniexchange.export.support.Azurite.connectionString().replaceAll(".*AccountKey=([^;]+);.*", "$1");
        String jwtSecret = environment.getRequiredProperty("fni.security.jwt.hmac-secret");
        String dbPassword = environment.getRequiredProperty("spring.datasource.password");
        assertThat(dbPassword).isNotBlank();
        assertThat(output.getAll()).contains(refused).doesNotContain(keyBody).doesNotContain("PRIVATE KEY-----")
                .doesNotContain(accountKey).doesNotContain(jwtSecret).doesNotContain(dbPassword);
        assertThat(ContractRows.jdbc().sql("""
                SELECT coalesce(string_agg(exit_message, ' '), '') FROM (
                    SELECT exit_message FROM batch_export.batch_step_execution
                    UNION ALL SELECT exit_message FROM batch_export.batch_job_execution) m""").query(String.class).single())
                .doesNotContain(keyBody).doesNotContain("PRIVATE KEY-----").doesNotContain(accountKey).doesNotContain(jwtSecret)
                .doesNotContain(dbPassword);
    }

    private static PartnerSettings withSftp(PartnerSettings s, String identity, String hostKey) {
        return new PartnerSettings(s.name(), s.kind(), s.entitlement(), s.registers(), s.layout(), s.compression(), null,
                new PartnerSettings.SftpSettings(s.sftp().host(), s.sftp().port(), s.sftp().user(), identity, s.sftp().path(),
                        s.sftp().stagingPath(), hostKey), null, s.schedule(), s.timeZone(), true);
    }
}
