package com.fniexchange.bench;

import com.fniexchange.export.BatchExportApplication;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.file.Compression;
import com.fniexchange.export.partner.PartnerKind;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.partner.PartnerSettings;
import com.fniexchange.export.register.Register;
import com.fniexchange.platform.db.PlatformMigrations;
import com.fniexchange.testsupport.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contract register of N rows (1,000,000 by default) exported by batch-export-service to a
 * gzip file and delivered to Azurite, next to PostgreSQL's own
 * {@code COPY (SELECT same rows) TO STDOUT | gzip -1} in the same run. Reports records per second
 * to the gzip file (extract + package steps), the whole job's time, and the JVM's peak heap.
 * Run it with {@code -Xmx256m} to hold the heap target. Needs PostgreSQL (like the tests),
 * {@code psql} and {@code gzip} on the PATH, and Azurite on 127.0.0.1:10000.
 */
public final class ExportBenchmark {

    private static final String AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
    private static final LocalDate DATE = LocalDate.of(2026, 1, 15);

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = 1_000_000;
        int level = 1;
        int chunk = 5000;
        for (String arg : args) {
            String[] kv = arg.split("=");
            switch (kv[0]) {
                case "rows" -> rows = Integer.parseInt(kv[1]);
                case "level" -> level = Integer.parseInt(kv[1]);
                case "chunk" -> chunk = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + arg + " (rows=N level=1..9 chunk=N)");
            }
        }
        try {
            run(rows, level, chunk);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(int rows, int level, int chunk) throws Exception {
        TestDatabase db = TestDatabase.get();
        // as in production: contract-service's schema migrated as its role, the batch acting as its own
        Flyway contract = Flyway.configure().dataSource(db.url(), db.user(), db.password()).schemas("contract")
                .defaultSchema("contract").locations("classpath:db/contract")
                .initSql("SET ROLE " + TestDatabase.serviceRole("contract")).load();
        PlatformMigrations.migrateServiceAndPlatform(contract);
        long t0 = System.nanoTime();
        generate(db, rows);
        System.out.printf("%ngenerated %,d contracts (+ 2 published events each) in %.1f s%n", rows, seconds(t0));

        Path work = Files.createTempDirectory("fni-export-bench-");
        // a container per run: files once delivered are never overwritten, and each run is a fresh database
        String container = "bench-" + System.currentTimeMillis();
        ConfigurableApplicationContext context = new SpringApplication(BatchExportApplication.class).run(
                // no application.yml from the classpath (contract-service's would be found first): all settings here
                "--spring.config.name=batch-export-benchmark", "--spring.main.web-application-type=none",
                "--spring.application.name=batch-export-service",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--fni.schema=batch_export",
                "--fni.db.role=" + TestDatabase.serviceRole("batch_export"),
                "--spring.datasource.hikari.maximum-pool-size=4", "--spring.batch.job.enabled=false",
                "--spring.batch.jdbc.initialize-schema=never", "--spring.batch.jdbc.isolation-level-for-create=read_committed",
                "--fni.business-zone=America/New_York", "--fni.export.work-dir=" + work,
                "--fni.export.gzip-level=" + level, "--fni.export.chunk-size=" + chunk, "--fni.export.schedule.enabled=false",
                "--fni.export.blob.accounts.devstoreaccount1.connection-string=" + AZURITE,
                "--logging.level.root=WARN", "--logging.structured.format.console=");
        context.getBean(PartnerOnboarding.class).save("BENCH", new PartnerSettings("Benchmark OEM", PartnerKind.OEM,
                new PartnerSettings.EntitlementSettings(List.of(), List.of("HONDA")), List.of(Register.CONTRACT_REGISTER),
                FileLayout.CSV, Compression.GZIP, null, null, new PartnerSettings.BlobSettings("devstoreaccount1", container, ""),
                "0 0 3 * * *", "America/New_York", true), "benchmark");
        new com.azure.storage.blob.BlobServiceClientBuilder().connectionString(AZURITE).buildClient()
                .getBlobContainerClient(container).createIfNotExists();

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampledPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        JobExecution job = context.getBean(ExportLauncher.class).run(Register.CONTRACT_REGISTER, "BENCH", DATE);
        double total = seconds(start);
        sampler.interrupt();
        long poolPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Path file = work.resolve("BENCH/CONTRACT_REGISTER/" + DATE + "/BENCH_contracts_20260115.csv.gz");

        double copy = copyToGzip(db, level);
        double plain = plainJdbcToGzip(db, level);
        double toGzip = seconds(step(job, "extract")) + seconds(step(job, "package"));
        System.out.printf("""

                contract register, %,d rows, gzip level %d, chunk %d, %d cores, max heap %d MB
                | measure | value |
                |---|---|
                | job status | %s |
                | extract (COPY -> plain file) | %.1f s |
                | package (gzip, SHA-256, manifest) | %.1f s |
                | records/s to the gzip file (extract + package) | %,.0f |
                | deliver to Azurite | %.1f s |
                | reconcile (database vs file vs 2M events) | %.1f s |
                | whole job | %.1f s |
                | gzip file | %,d bytes |
                | peak heap (pools' peak / sampled every 20 ms) | %d MB / %d MB |
                | PostgreSQL COPY (same SELECT) TO STDOUT, CSV, gzip -%d | %.1f s = %,.0f records/s |
                | plain JDBC cursor, same query and line format, to gzip (no Spring Batch) | %.1f s = %,.0f records/s |
                | service / COPY speed | %.2f |
                """, rows, level, chunk, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                job.getExitStatus().getExitCode(), seconds(step(job, "extract")), seconds(step(job, "package")), rows / toGzip,
                seconds(step(job, "deliver")), seconds(step(job, "reconcile")), total, Files.size(file), poolPeak >> 20,
                sampledPeak.get() >> 20, level, copy, rows / copy, plain, rows / plain, copy / toGzip);
        context.close();
    }

    private static StepExecution step(JobExecution job, String name) {
        return job.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst().orElseThrow();
    }

    private static double seconds(StepExecution step) {
        return Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The same rows and columns as the register's extract, by psql's COPY, through gzip. */
    private static double copyToGzip(TestDatabase db, int level) throws Exception {
        String database = db.url().substring(db.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String sql = "COPY (SELECT contract_number, issued_at, dealer_code, deal_number, product_code, plan_code, vin, make, "
                + "model_year, odometer, sale_date, term_months, term_miles, deductible, customer_price, dealer_cost, financed, "
                + "customer_state FROM contract.contract_register_v WHERE issued_at >= '" + DATE + " 00:00 America/New_York' "
                + "AND issued_at < '" + DATE.plusDays(1) + " 00:00 America/New_York' AND upper(make) = 'HONDA' "
                + "ORDER BY contract_number COLLATE \"C\") TO STDOUT WITH (FORMAT csv)";
        Path out = Files.createTempFile("copy-", ".csv.gz");
        long start = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; psql -X -q -h 127.0.0.1 -U " + db.user() + " -d " + database
                + " -c '" + sql.replace("'", "'\\''") + "' | gzip -" + level + " > " + out).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql COPY | gzip failed");
        }
        double s = seconds(start);
        Files.delete(out);
        return s;
    }

    /**
     * The register's text columns read by a bare JDBC cursor and formatted in Java
     * ({@code RegisterFileFormat.detail}): the extract before it moved to COPY, without Spring Batch.
     */
    private static double plainJdbcToGzip(TestDatabase db, int level) throws Exception {
        var register = com.fniexchange.export.register.RegisterCatalog.CONTRACT_REGISTER;
        var window = com.fniexchange.export.register.ExportWindow.of(DATE, java.time.ZoneId.of("America/New_York"), java.time.Instant.now());
        var query = com.fniexchange.export.register.RegisterQuery.details(register,
                new com.fniexchange.export.register.Entitlement(List.of(), List.of("HONDA")), window);
        var format = new com.fniexchange.export.register.RegisterFileFormat(register, FileLayout.CSV);
        var types = register.columns().stream().map(com.fniexchange.export.register.RegisterColumn::type).toList();
        Path out = Files.createTempFile("plain-", ".csv.gz");
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                     Files.newOutputStream(out), 1 << 16) {{ def.setLevel(level); }}, java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement(query.sql())) {
                ps.setFetchSize(1000);
                query.bind(ps);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> values = new java.util.ArrayList<>(types.size());
                        for (int i = 0; i < types.size(); i++) {
                            values.add(com.fniexchange.export.register.ColumnType.read(rs, i + 1));
                        }
                        writer.write(format.detail(new com.fniexchange.export.register.RegisterRecord(values.get(0), values)));
                        writer.write('\n');
                    }
                }
            }
        }
        double s = seconds(start);
        Files.delete(out);
        return s;
    }

    /** N Honda contracts issued on DATE, with their published submitted and activated events. */
    private static void generate(TestDatabase db, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            String at = "(timestamptz '" + DATE + " 00:00:01 America/New_York' + (i % 80000) * interval '1 second')";
            st.execute("""
                    INSERT INTO contract.quote (quote_id, dealer_code, vin, make, model_year, odometer, vehicle_in_service_date,
                        sale_date, customer_state, created_at, expires_at)
                    SELECT md5(i::text)::uuid, 'D' || (1000 + i %% 50), '1HGCM8' || lpad(i::text, 11, '0'), 'HONDA', 2024, 12000,
                        date '2025-01-01', date '%s', 'TX', %s, %s + interval '30 days'
                    FROM generate_series(1, %d) i""".formatted(DATE, at, at, rows));
            st.execute("""
                    INSERT INTO contract.contract (contract_number, dealer_code, deal_number, product_code, plan_code, quote_id, vin,
                        make, model_year, odometer, vehicle_in_service_date, sale_date, term_months, term_miles, deductible,
                        dealer_cost, suggested_retail, customer_price, financed, lienholder, customer_first_name,
                        customer_last_name, customer_state, status, submitted_by, submitted_at, updated_at, limit_of_liability)
                    SELECT 'VSC' || lpad(i::text, 8, '0'), 'D' || (1000 + i %% 50), 'DEAL-' || i, 'VSC', 'VSC-36-36-100',
                        md5(i::text)::uuid, '1HGCM8' || lpad(i::text, 11, '0'), 'HONDA', 2024, 12000, date '2025-01-01',
                        date '%s', 36, 36000, 100.00, 850.00, 1695.00, 1600.00 + (i %% 400), false, NULL, 'Jane', 'Doe', 'TX',
                        'ACTIVE', 'bench', %s, %s, 10000.00
                    FROM generate_series(1, %d) i""".formatted(DATE, at, at, rows));
            st.execute("""
                    INSERT INTO contract.contract_status_history (contract_number, from_status, to_status, reason, actor, changed_at)
                    SELECT 'VSC' || lpad(i::text, 8, '0'), 'SUBMITTED', 'ACTIVE', 'auto-approved', 'system', %s
                    FROM generate_series(1, %d) i""".formatted(at, rows));
            for (String type : List.of("submitted", "activated")) {
                st.execute("""
                        INSERT INTO contract.outbox_event (event_id, destination, event_type, aggregate_id, payload, headers,
                            occurred_at, published_at)
                        SELECT gen_random_uuid(), 'contract-events', 'com.fniexchange.contract.%s.v1', 'VSC' || lpad(i::text, 8, '0'),
                            json_build_object('contractNumber', 'VSC' || lpad(i::text, 8, '0'),
                                              'customerPrice', 1600.00 + (i %% 400), 'dealerCost', 850.00),
                            '{}'::jsonb, %s, now()
                        FROM generate_series(1, %d) i""".formatted(type, at, rows));
            }
            st.execute("ANALYZE contract.contract; ANALYZE contract.contract_status_history; ANALYZE contract.outbox_event");
        }
    }
}
