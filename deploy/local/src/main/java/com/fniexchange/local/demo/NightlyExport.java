package com.fniexchange.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.local.demo.DayLedger.ApprovedCancellation;
import com.fniexchange.local.demo.DayLedger.PaidClaim;
import com.fniexchange.local.demo.DayLedger.SoldContract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Tonight's files, run now: ops registers an SFTP partner and a Blob partner entitled to exactly this
 * run's dealers (PUT /api/v1/exports/partners/{id}, role OPS), runs each register for today's
 * business date (POST /api/v1/exports/runs), follows each execution to its end and reads its
 * reconciliation; then each partner fetches its files with its own access and checks every
 * trailer against what the other services' APIs said during the day.
 */
final class NightlyExport {

    /** Blob containers are the partner's: one for every demo run, each run's files under its partner id. */
    static final String BLOB_CONTAINER = "demo-partner-files";
    private static final Duration EXECUTION_WAIT = Duration.ofMinutes(3);
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    /**
     * A register as the demo checks its files: the file code in the file name, the D-line columns
     * holding its amounts and their names in the trailer and the reconciliation (RegisterCatalog).
     */
    record Register(String name, String fileCode, List<Integer> amountColumns, List<String> amountNames) {
    }

    static final Register CONTRACTS = new Register("CONTRACT_REGISTER", "contracts", List.of(14, 15), List.of("customerPrice", "dealerCost"));
    static final Register CLAIMS = new Register("CLAIMS_REGISTER", "claims", List.of(10), List.of("paidAmount"));
    static final Register CANCELLATIONS = new Register("CANCELLATIONS", "cancellations", List.of(14, 15), List.of("refund", "dealerChargeback"));
    static final List<Register> REGISTERS = List.of(CONTRACTS, CLAIMS, CANCELLATIONS);

    /** A partner as this run registers it: its settings (the PUT body) and what reading its files needs. */
    private record ExportPartner(String id, String channel, String layout, String compression, Map<String, Object> settings) {

        String extension() {
            return ("PIPE".equals(layout) ? ".txt" : ".csv") + ("GZIP".equals(compression) ? ".gz" : "");
        }
    }

    /** One export started: its execution. */
    private record Export(ExportPartner partner, Register register, long executionId) {
    }

    private final ServiceApi exports;
    private final HttpClient http;
    private final DemoPlatform platform;
    private final DemoRun run;
    private final Journal journal;
    private final String opsToken;
    private final List<String> landed = new ArrayList<>();

    NightlyExport(ServiceApi exports, HttpClient http, DemoPlatform platform, DemoRun run, Journal journal) {
        this.exports = exports;
        this.http = http;
        this.platform = platform;
        this.run = run;
        this.journal = journal;
        this.opsToken = platform.tokens().provider("OPS");
    }

    void run(DayLedger ledger) throws DemoFailure {
        List<String> dealers = ledger.dealers();
        ExportPartner sftp = sftpPartner(dealers);
        ExportPartner blob = blobPartner(dealers);
        List<ExportPartner> partners = blob == null ? List.of(sftp) : List.of(sftp, blob);
        List<ExportPartner> registered = new ArrayList<>();
        try {
            for (ExportPartner partner : partners) {
                register(partner, dealers);
                registered.add(partner);
            }
            exportAndPickUp(ledger, sftp, blob, partners);
        } catch (DemoFailure | RuntimeException failed) {
            // retired whatever happened: a demo partner left active would export every night from now on
            for (ExportPartner partner : registered) {
                try {
                    retire(partner);
                } catch (DemoFailure | RuntimeException alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
            }
            throw failed;
        }
        for (ExportPartner partner : registered) {
            retire(partner);
        }
    }

    private void exportAndPickUp(DayLedger ledger, ExportPartner sftp, ExportPartner blob, List<ExportPartner> partners)
            throws DemoFailure {
        Map<Register, RegisterFile.Expected> expected = new LinkedHashMap<>();
        REGISTERS.forEach(register -> expected.put(register, expectation(register, ledger)));
        List<Export> started = new ArrayList<>();
        for (ExportPartner partner : partners) {
            for (Register register : REGISTERS) {
                started.add(start(partner, register));
            }
        }
        for (Export export : started) {
            awaitEnd(export);
            reconciliation(export, expected.get(export.register()));
        }
        pickUpBySftp(sftp, expected);
        if (blob != null && platform.blobConnectionString() != null) {
            pickUpFromBlob(blob, expected);
        } else if (blob != null) {
            landed.add("blob " + platform.blobAccount() + "/" + BLOB_CONTAINER + "/" + prefix(blob.id()) + "*  (not read back: no connection string)");
        }
        journal.title("where tonight's files landed");
        landed.forEach(journal::detail);
    }

    private ExportPartner sftpPartner(List<String> dealers) {
        SftpAccount account = platform.sftp();
        Map<String, Object> sftp = new LinkedHashMap<>();
        sftp.put("host", account.host());
        sftp.put("port", account.port());
        sftp.put("user", account.user());
        sftp.put("identity", account.identity());
        sftp.put("path", folder());
        sftp.put("stagingPath", "/staging");
        sftp.put("hostKey", account.hostKey());
        // plain pipe-delimited text, so the partner reads the file as it lies on the server
        Map<String, Object> settings = settings("Demo " + run.id() + " warranty vendor (SFTP)", "WARRANTY_VENDOR", dealers, "PIPE", "NONE");
        settings.put("sftp", sftp);
        return new ExportPartner(run.sftpPartner(), "SFTP", "PIPE", "NONE", settings);
    }

    /** Null when the platform runs without Blob storage (no Node.js for Azurite). */
    private ExportPartner blobPartner(List<String> dealers) throws DemoFailure {
        if (platform.blobAccount() == null) {
            journal.line("ops", "PUT /api/v1/exports/partners/{id}", "skipped the Blob partner: Blob delivery is off on this platform");
            return null;
        }
        String id = run.blobPartner();
        if (platform.blobConnectionString() != null) {
            createContainer(id);
        } else {
            journal.line("partner " + id, "Blob PUT container " + BLOB_CONTAINER, "skipped: no connection string, the container must exist");
        }
        Map<String, Object> settings = settings("Demo " + run.id() + " lender (Blob)", "LENDER", dealers, "CSV", "GZIP");
        settings.put("blob", Map.of("account", platform.blobAccount(), "container", BLOB_CONTAINER, "prefix", prefix(id)));
        return new ExportPartner(id, "Blob", "CSV", "GZIP", settings);
    }

    private void createContainer(String partnerId) throws DemoFailure {
        String call = "Blob PUT " + BLOB_CONTAINER + "?restype=container";
        try {
            boolean created = BlobPickup.of(platform.blobConnectionString(), http).createContainer(BLOB_CONTAINER);
            journal.line("partner " + partnerId, call, created ? "201 created" : "409 already there (an earlier run made it)");
        } catch (IOException | RuntimeException e) {
            throw new DemoFailure("7. partner " + partnerId + " creates its Blob container", call, "failed", e);
        }
    }

    private Map<String, Object> settings(String name, String kind, List<String> dealers, String layout, String compression) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", name);
        settings.put("kind", kind);
        settings.put("entitlement", Map.of("dealerCodes", dealers, "makes", List.of()));
        settings.put("registers", REGISTERS.stream().map(Register::name).toList());
        settings.put("layout", layout);
        settings.put("compression", compression);
        // a schedule is required; the partner is retired at the end of the run, so it never fires
        settings.put("schedule", "0 0 3 * * *");
        settings.put("timeZone", DemoRun.BUSINESS_ZONE.getId());
        settings.put("active", true);
        return settings;
    }

    private void register(ExportPartner partner, List<String> dealers) throws DemoFailure {
        Call call = Call.put("/api/v1/exports/partners/{id}", partner.id());
        exports.call("7. ops registers partner " + partner.id(), call, opsToken, partner.settings(), 201);
        journal.line("ops", call.label(), "201 " + partner.id() + ": " + REGISTERS.stream().map(Register::name).toList() + " as "
                + partner.layout() + "/" + partner.compression() + " by " + partner.channel() + ", entitled to dealers " + dealers);
    }

    private Export start(ExportPartner partner, Register register) throws DemoFailure {
        Call call = Call.post("/api/v1/exports/runs");
        JsonNode execution = exports.call("7. ops runs " + register.name() + " for " + partner.id(), call, opsToken,
                Map.of("register", register.name(), "partnerId", partner.id(), "businessDate", run.today().toString()), 202);
        long id = execution.path("executionId").asLong();
        journal.line("ops", call.label(), "202 execution " + id + ": " + register.name() + " for " + partner.id() + " on " + run.today());
        return new Export(partner, register, id);
    }

    private void awaitEnd(Export export) throws DemoFailure {
        String step = "7. " + export.register().name() + " for " + export.partner().id() + " runs to its end";
        Call call = Call.get("/api/v1/exports/executions/{id}", export.executionId());
        JsonNode execution = Await.until(step, call.toString(), EXECUTION_WAIT, () -> {
            JsonNode seen = exports.call(step, call, opsToken, null, 200);
            return ENDED.contains(seen.path("status").asText()) ? Await.Look.done(seen) : Await.Look.notYet(200, seen.toString());
        });
        if (!"COMPLETED".equals(execution.path("status").asText()) || !"COMPLETED".equals(execution.path("exitCode").asText())
                || !"MATCHED".equals(execution.path("reconciliation").asText())) {
            throw new DemoFailure(step, call + " (expected COMPLETED and MATCHED)", 200, execution.toString());
        }
        List<String> steps = new ArrayList<>();
        execution.path("steps").forEach(s -> steps.add(s.path("name").asText() + " " + s.path("status").asText().toLowerCase()));
        journal.line("ops", call.label(), "200 COMPLETED " + export.register().name() + " for " + export.partner().id() + ": "
                + execution.path("recordCount").asText() + " records (" + String.join(", ", steps) + ")");
    }

    /** The service's own reconciliation (database, file, trailer, published events) must also agree with the APIs. */
    private void reconciliation(Export export, RegisterFile.Expected expected) throws DemoFailure {
        String step = "7. reconciliation of " + export.register().name() + " for " + export.partner().id();
        Call call = Call.get("/api/v1/exports/executions/{id}/reconciliation", export.executionId());
        JsonNode report = exports.call(step, call, opsToken, null, 200);
        List<String> problems = new ArrayList<>();
        if (!"MATCHED".equals(report.path("status").asText())) {
            problems.add("status " + report.path("status").asText() + ", differences " + report.path("differences"));
        }
        for (String source : List.of("database", "fileDetails", "fileTrailer", "events")) {
            JsonNode totals = report.path(source);
            if (totals.path("count").asLong() != expected.keys().size()) {
                problems.add(source + " counts " + totals.path("count").asLong() + ", this run has " + expected.keys().size());
            }
            List<BigDecimal> amounts = export.register().amountNames().stream()
                    .map(name -> new BigDecimal(totals.path("totals").path(name).asText("0"))).toList();
            if (!RegisterFile.sameAmounts(amounts, expected.totals())) {
                problems.add(source + " totals " + amounts + ", the APIs' figures add up to " + expected.totals());
            }
        }
        if (!problems.isEmpty()) {
            throw new DemoFailure(step, call.toString(), 200, String.join("; ", problems) + "\n" + report);
        }
        JsonNode trailer = report.path("fileTrailer");
        List<String> totals = new ArrayList<>();
        export.register().amountNames().forEach(name -> totals.add(name + " " + trailer.path("totals").path(name).asText()));
        journal.line("ops", call.label(), "200 MATCHED: database " + report.path("database").path("count").asLong() + ", file "
                + report.path("fileDetails").path("count").asLong() + ", trailer " + trailer.path("count").asLong() + ", events "
                + report.path("events").path("count").asLong() + (totals.isEmpty() ? "" : "; " + String.join(", ", totals)));
    }

    private void pickUpBySftp(ExportPartner partner, Map<Register, RegisterFile.Expected> expected) throws DemoFailure {
        SftpAccount account = platform.sftp();
        String where = "sftp://" + account.host() + ":" + account.port();
        String step = "7. partner " + partner.id() + " fetches its files by SFTP";
        try (SftpPickup sftp = SftpPickup.open(account)) {
            List<SftpPickup.RemoteFile> files = sftp.list(folder(), partner.id() + "_");
            for (Register register : REGISTERS) {
                String base = base(partner, register);
                String data = folder() + "/" + base + partner.extension();
                requirePresent(step, "SFTP ls " + folder(), files.stream().map(SftpPickup.RemoteFile::path).toList(),
                        List.of(data, folder() + "/" + base + ".manifest.json", folder() + "/" + base + ".reconciliation.json"));
                byte[] bytes = sftp.read(data);
                byte[] manifest = sftp.read(folder() + "/" + base + ".manifest.json");
                check(step, "SFTP get " + data, partner, register, bytes, manifest, expected.get(register));
            }
            files.forEach(f -> landed.add(where + f.path() + "  (" + f.size() + " bytes)"));
        } catch (IOException | RuntimeException e) {
            throw new DemoFailure(step, "SFTP " + account.user() + "@" + account.host() + ":" + account.port() + " " + folder(),
                    "failed", e);
        }
    }

    private void pickUpFromBlob(ExportPartner partner, Map<Register, RegisterFile.Expected> expected) throws DemoFailure {
        String step = "7. partner " + partner.id() + " fetches its files from Blob storage";
        String prefix = prefix(partner.id());
        try {
            BlobPickup blob = BlobPickup.of(platform.blobConnectionString(), http);
            List<BlobPickup.StoredBlob> blobs = blob.list(BLOB_CONTAINER, prefix);
            for (Register register : REGISTERS) {
                String base = prefix + base(partner, register);
                String data = base + partner.extension();
                requirePresent(step, "Blob list " + BLOB_CONTAINER + "/" + prefix, blobs.stream().map(BlobPickup.StoredBlob::name).toList(),
                        List.of(data, base + ".manifest.json", base + ".reconciliation.json"));
                byte[] bytes = blob.download(BLOB_CONTAINER, data);
                byte[] manifest = blob.download(BLOB_CONTAINER, base + ".manifest.json");
                check(step, "Blob get " + BLOB_CONTAINER + "/" + data, partner, register, bytes, manifest, expected.get(register));
            }
            blobs.forEach(b -> landed.add("blob " + platform.blobAccount() + "/" + BLOB_CONTAINER + "/" + b.name() + "  (" + b.size() + " bytes)"));
        } catch (IOException | RuntimeException e) {
            throw new DemoFailure(step, "Blob " + BLOB_CONTAINER + "/" + prefix, "failed", e);
        }
    }

    /** The partner's checks of one file: the manifest's SHA-256, then header, records and trailer against the day's figures. */
    private void check(String step, String call, ExportPartner partner, Register register, byte[] delivered, byte[] manifestBytes,
                       RegisterFile.Expected expected) throws DemoFailure, IOException {
        JsonNode manifest = ServiceApi.JSON.readTree(manifestBytes);
        if (!sha256(delivered).equals(manifest.path("sha256").asText())) {
            throw new DemoFailure(step, call, 0, "the file's SHA-256 " + sha256(delivered) + " is not the manifest's: " + manifest);
        }
        byte[] plain = "GZIP".equals(partner.compression()) ? gunzip(delivered) : delivered;
        RegisterFile file;
        try {
            file = RegisterFile.parse(new String(plain, StandardCharsets.UTF_8), partner.layout());
        } catch (IllegalArgumentException e) {
            throw new DemoFailure(step, call, 0, "not a register file: " + e.getMessage());
        }
        List<String> problems = file.problems(expected.forPartner(partner.id()));
        if (!problems.isEmpty()) {
            throw new DemoFailure(step, call, 0, String.join("; ", problems) + "\n" + new String(plain, StandardCharsets.UTF_8));
        }
        List<String> totals = new ArrayList<>();
        for (int i = 0; i < register.amountNames().size(); i++) {
            totals.add(register.amountNames().get(i) + " " + file.trailerTotals().get(i));
        }
        journal.line("partner " + partner.id(), call,
                "T " + file.trailerCount() + " records" + (totals.isEmpty() ? "" : ", " + String.join(", ", totals))
                        + ": this run's records and the APIs' figures; SHA-256 as the manifest says");
    }

    private void retire(ExportPartner partner) throws DemoFailure {
        Map<String, Object> settings = new LinkedHashMap<>(partner.settings());
        settings.put("active", false);
        Call call = Call.put("/api/v1/exports/partners/{id}", partner.id());
        exports.call("7. ops retires partner " + partner.id(), call, opsToken, settings, 200);
        journal.line("ops", call.label(), "200 " + partner.id() + " inactive: a demo partner exports no night but this one");
    }

    /** What every partner's file of the register must hold (the partner is named per file). */
    private RegisterFile.Expected expectation(Register register, DayLedger ledger) {
        if (register == CONTRACTS) {
            List<SoldContract> contracts = ledger.contracts();
            return expected(register, contracts, SoldContract::number, List.of(SoldContract::customerPrice, SoldContract::dealerCost));
        }
        if (register == CLAIMS) {
            return expected(register, ledger.claims(), PaidClaim::claimId, List.of(PaidClaim::paidAmount));
        }
        return expected(register, ledger.cancellations(), ApprovedCancellation::cancellationId,
                List.of(ApprovedCancellation::refund, ApprovedCancellation::dealerChargeback));
    }

    private <T> RegisterFile.Expected expected(Register register, List<T> records, Function<T, String> key,
                                               List<Function<T, BigDecimal>> amounts) {
        Set<String> keys = new LinkedHashSet<>();
        records.forEach(r -> keys.add(key.apply(r)));
        List<BigDecimal> totals = new ArrayList<>();
        for (Function<T, BigDecimal> amount : amounts) {
            totals.add(records.stream().map(amount).reduce(new BigDecimal("0.00"), BigDecimal::add));
        }
        return new RegisterFile.Expected(null, register.name(), run.today(), keys, register.amountColumns(), totals);
    }

    private String base(ExportPartner partner, Register register) {
        return partner.id() + "_" + register.fileCode() + "_" + run.today().format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private String folder() {
        return platform.sftp().inboundPath().replaceAll("/+$", "");
    }

    private static String prefix(String partnerId) {
        return partnerId.toLowerCase() + "/";
    }

    private static void requirePresent(String step, String call, List<String> found, List<String> wanted) throws DemoFailure {
        List<String> absent = wanted.stream().filter(w -> !found.contains(w)).toList();
        if (!absent.isEmpty()) {
            throw new DemoFailure(step, call, 0, "missing " + absent + "; found " + found);
        }
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
