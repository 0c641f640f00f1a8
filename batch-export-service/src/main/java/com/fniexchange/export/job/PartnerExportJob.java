package com.fniexchange.export.job;

import com.fniexchange.export.ExportProperties;
import com.fniexchange.export.delivery.FileDelivery;
import com.fniexchange.export.delivery.OutgoingFile;
import com.fniexchange.export.partner.Partner;
import com.fniexchange.export.partner.PartnerRepository;
import com.fniexchange.export.reconciliation.Reconciliation;
import com.fniexchange.export.reconciliation.ReconciliationLog;
import com.fniexchange.export.reconciliation.ReconciliationReport;
import com.fniexchange.export.register.ExportWindow;
import com.fniexchange.export.register.RegisterCatalog;
import com.fniexchange.export.register.RegisterDefinition;
import com.fniexchange.export.register.RegisterFileFormat;
import com.fniexchange.platform.calendar.BusinessCalendar;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The partner export, one job instance per (register, partner, business date):
 * <ol>
 *   <li>extract: the register's rows of the date within the partner's entitlement, their lines
 *       built by the database and streamed by {@code COPY} into a plain file (header, details,
 *       trailer); restartable chunk by chunk ({@link RegisterExtract});</li>
 *   <li>package: gzip, PGP when the partner has a key, SHA-256s, manifest; from scratch;</li>
 *   <li>deliver: data file then manifest on every channel, through the delivery ledger;</li>
 *   <li>reconcile: database vs file vs published events, logged, reported beside the file; a
 *       mismatch fails the job with exit status {@value #RECONCILIATION_MISMATCH} (a restart
 *       reconciles again, e.g. once the missing events were published).</li>
 * </ol>
 */
@Configuration
public class PartnerExportJob {

    public static final String NAME = "partnerExport";
    public static final String RECONCILIATION_MISMATCH = "RECONCILIATION_MISMATCH";
    static final String RECONCILE = "reconcile";

    private static final Logger log = LoggerFactory.getLogger(PartnerExportJob.class);

    private final ExportProperties properties;
    private final PartnerRepository partners;
    private final RegisterCatalog catalog;
    private final BusinessCalendar calendar;
    private final ExportFaults faults;
    private final FrozenPartnerSettings frozen;

    PartnerExportJob(ExportProperties properties, PartnerRepository partners, FrozenPartnerSettings frozen, RegisterCatalog catalog,
                     BusinessCalendar calendar, ObjectProvider<ExportFaults> faults) {
        this.properties = properties;
        this.partners = partners;
        this.frozen = frozen;
        this.catalog = catalog;
        this.calendar = calendar;
        this.faults = faults.getIfAvailable(() -> ExportFaults.NONE);
    }

    @Bean
    Job partnerExport(JobRepository repository, Step extract, Step packageFile, Step deliver, Step reconcile,
                      ExportMetrics metrics) {
        return new JobBuilder(NAME, repository)
                .listener(outcome(metrics))
                .start(extract).next(packageFile).next(deliver).next(reconcile)
                .on(RECONCILIATION_MISMATCH).fail()
                .from(reconcile).on("*").end()
                .end()
                .build();
    }

    /**
     * Job-scoped, so its tasklet is a plain object built for this execution, holding its own
     * connection for the COPY across the step's chunks.
     */
    @Bean
    @JobScope
    Step extract(JobRepository repository, PlatformTransactionManager tx, DataSource dataSource,
                 @Value("#{jobParameters}") Map<String, Object> parameters) {
        ExportRun run = run(parameters);
        RegisterExtract extract = new RegisterExtract(new RegisterExtract.Subject(run.register(),
                new RegisterFileFormat(run.register(), run.partner().layout()), run.partner().entitlement(), run.window(),
                run.files().plainFile(), run.partner().partnerId(), run.key().businessDate(), run.files().fileId()),
                dataSource, properties.chunkSize(), faults);
        return new StepBuilder("extract", repository).tasklet(extract, tx).stream(extract).build();
    }

    @Bean
    Step packageFile(JobRepository repository, PlatformTransactionManager tx) {
        Tasklet tasklet = (contribution, chunk) -> {
            ExportRun run = run(chunk.getStepContext().getJobParameters());
            faults.extracted(run.partner().partnerId(), run.files().plainFile());
            Packaging.Packaged packaged = Packaging.packageFile(run.partner(), run.register(), run.key(), run.files(),
                    properties.gzipLevel());
            log.info("packaged {}: {} records, {} bytes, sha256 {}", packaged.manifest().fileName(),
                    packaged.manifest().recordCount(), packaged.manifest().size(), packaged.manifest().sha256());
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("package", repository).tasklet(tasklet, tx).build();
    }

    @Bean
    Step deliver(JobRepository repository, PlatformTransactionManager tx, FileDelivery deliveries) {
        Tasklet tasklet = (contribution, chunk) -> {
            ExportRun run = run(chunk.getStepContext().getJobParameters());
            Manifest manifest = Packaging.readManifest(run.files().manifestFile());
            Map<String, String> metadata = Map.of("partner", run.partner().partnerId(), "register", manifest.register(),
                    "businessDate", manifest.businessDate(), "recordCount", Long.toString(manifest.recordCount()),
                    "sha256", manifest.sha256());
            String manifestSha = sha256(Files.readAllBytes(run.files().manifestFile()));
            deliveries.deliver(run.partner(), run.key().register(), run.key().businessDate(),
                    chunk.getStepContext().getStepExecution().getJobExecutionId(), List.of(
                            new OutgoingFile(run.files().dataFile(), run.files().dataFileName(), manifest.sha256(),
                                    md5Of(run.files().dataFile()), manifest.size(), false, metadata),
                            new OutgoingFile(run.files().manifestFile(), run.files().manifestName(), manifestSha,
                                    md5(Files.readAllBytes(run.files().manifestFile())), Files.size(run.files().manifestFile()),
                                    false, Map.of("partner", run.partner().partnerId(), "businessDate", manifest.businessDate(),
                                    "recordCount", Long.toString(manifest.recordCount()), "sha256", manifestSha))));
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("deliver", repository).tasklet(tasklet, tx).build();
    }

    @Bean
    Step reconcile(JobRepository repository, PlatformTransactionManager tx, Reconciliation reconciliation,
                   ReconciliationLog reconciliationLog, FileDelivery deliveries, ExportMetrics metrics) {
        Tasklet tasklet = (contribution, chunk) -> {
            StepExecution step = chunk.getStepContext().getStepExecution();
            ExportRun run = run(chunk.getStepContext().getJobParameters());
            Manifest manifest = Packaging.readManifest(run.files().manifestFile());
            RegisterFileFormat format = new RegisterFileFormat(run.register(), run.partner().layout());
            int[] amountIndexes = run.register().amountColumns().stream().mapToInt(run.register()::columnIndex).toArray();
            ReconciliationReport report = reconciliation.reconcile(
                    new Reconciliation.Subject(step.getJobExecutionId(), run.files().fileId(), run.partner().partnerId(),
                            run.register(), run.partner().entitlement(), run.window()),
                    run.files().plainFile(),
                    new Reconciliation.FileReading() {
                        @Override
                        public Reconciliation.KeyedAmounts detail(String line) {
                            List<String> values = format.parseDetail(line);
                            BigDecimal[] amounts = new BigDecimal[amountIndexes.length];
                            for (int i = 0; i < amounts.length; i++) {
                                String v = values.get(amountIndexes[i]);
                                amounts[i] = v.isEmpty() ? null : new BigDecimal(v);
                            }
                            return new Reconciliation.KeyedAmounts(values.get(0), amounts);
                        }

                        @Override
                        public Reconciliation.KeyedAmounts trailer(String line) {
                            RegisterFileFormat.Trailer t = format.parseTrailer(line);
                            return new Reconciliation.KeyedAmounts(Long.toString(t.count()), t.totals().toArray(BigDecimal[]::new));
                        }
                    },
                    manifest.plaintextSha256(), properties.reportKeys());
            reconciliationLog.record(report);
            byte[] json = ReconciliationLog.json(report).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(run.files().reportFile(), json);
            deliveries.deliver(run.partner(), run.key().register(), run.key().businessDate(), step.getJobExecutionId(),
                    List.of(new OutgoingFile(run.files().reportFile(), run.files().reportName(), sha256(json), md5(json),
                            json.length, true, Map.of("partner", run.partner().partnerId(), "businessDate",
                            run.key().businessDate().toString(), "status", report.status().name(), "sha256", sha256(json)))));
            if (report.matched()) {
                log.info("reconciliation MATCHED for {}: {} records", run.files().fileId(), report.database().count());
            } else {
                metrics.mismatch(run.key().register(), run.partner().partnerId());
                log.error("reconciliation MISMATCHED for {} (job execution {}): {}", run.files().fileId(),
                        step.getJobExecutionId(), ReconciliationLog.json(report.differences()).replaceAll("\\s+", " "));
                contribution.setExitStatus(new ExitStatus(RECONCILIATION_MISMATCH, "differing keys: "
                        + String.join(", ", report.differences().keySet())));
            }
            return RepeatStatus.FINISHED;
        };
        // a restart reconciles again: the mismatch may have been fixed (events published since)
        return new StepBuilder(RECONCILE, repository).tasklet(tasklet, tx).allowStartIfComplete(true).build();
    }

    private JobExecutionListener outcome(ExportMetrics metrics) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution job) {
                // the first execution freezes the partner as it is now; a restart keeps what its export started with
                ExportJobKey key = ExportJobKey.of(job.getJobParameters());
                partners.find(key.partnerId()).ifPresent(partner -> frozen.freeze(key, job.getJobInstance().getInstanceId(), partner));
            }

            @Override
            public void afterJob(JobExecution job) {
                ExportJobKey key = ExportJobKey.of(job.getJobParameters());
                boolean mismatch = job.getStepExecutions().stream().anyMatch(s -> s.getStepName().equals(RECONCILE)
                        && s.getExitStatus().getExitCode().equals(RECONCILIATION_MISMATCH));
                if (mismatch) {
                    job.setStatus(BatchStatus.FAILED);
                    job.setExitStatus(new ExitStatus(RECONCILIATION_MISMATCH, "reconciliation did not match; see the report"));
                } else if (job.getStatus() == BatchStatus.FAILED && !job.getAllFailureExceptions().isEmpty()) {
                    // the job's own exit message says why in one line; the stack trace stays on the step
                    Throwable cause = job.getAllFailureExceptions().get(0);
                    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                    job.setExitStatus(new ExitStatus(ExitStatus.FAILED.getExitCode(), why.lines().findFirst().orElse("")));
                    log.error("export {} {} {} failed: {}", key.register(), key.partnerId(), key.businessDate(), why);
                } else if (job.getStatus() == BatchStatus.COMPLETED) {
                    metrics.succeeded(key.register(), key.partnerId(), Clock.systemUTC().instant());
                }
                if (job.getStatus() == BatchStatus.FAILED) {
                    metrics.failed(key.register(), key.partnerId());
                }
            }
        };
    }

    /** Everything a step needs about its run, from the job parameters and the partner settings the export froze. */
    record ExportRun(ExportJobKey key, Partner partner, RegisterDefinition register, ExportWindow window, ExportFiles files) {
    }

    private ExportRun run(Map<String, Object> parameters) {
        ExportJobKey key = ExportJobKey.of(parameters);
        Partner current = partners.find(key.partnerId())
                .orElseThrow(() -> new IllegalStateException("no partner " + key.partnerId()));
        Partner partner = frozen.of(key).map(started -> FrozenPartnerSettings.fileAsStartedDeliveredAsNow(started, current))
                .orElse(current);
        RegisterDefinition register = catalog.get(key.register());
        return new ExportRun(key, partner, register, key.window(calendar.zone()),
                ExportFiles.of(properties.workDir(), partner, register, key.businessDate()));
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Packaging.digest("SHA-256").digest(bytes));
    }

    private static String md5Of(java.nio.file.Path file) throws IOException {
        java.security.MessageDigest md5 = Packaging.digest("MD5");
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file), md5)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.Base64.getEncoder().encodeToString(md5.digest());
    }

    private static String md5(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(Packaging.digest("MD5").digest(bytes));
    }
}
