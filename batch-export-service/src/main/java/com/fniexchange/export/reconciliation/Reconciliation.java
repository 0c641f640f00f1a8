package com.fniexchange.export.reconciliation;

import com.fniexchange.export.register.Entitlement;
import com.fniexchange.export.register.ExportWindow;
import com.fniexchange.export.register.RegisterDefinition;
import com.fniexchange.export.register.RegisterQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * Compares one export three ways, record by record: the reporting view (database), the file as
 * written (re-read from disk: details and trailer) and the events the owning service published
 * for the same records and date. All three are read in key order and merged in one pass, so
 * memory stays flat whatever the volume; only the first differing keys of each kind are kept.
 */
@Service
public class Reconciliation {

    private final DataSource dataSource;
    private final Clock clock;

    Reconciliation(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** How to read the written file: its detail lines' keys and amounts, and its trailer. */
    public interface FileReading {
        /** Key then amounts of a detail line. */
        KeyedAmounts detail(String line);

        /** Count then totals of the trailer line. */
        KeyedAmounts trailer(String line);
    }

    /** A key (or, for a trailer, the count as text) and amounts. */
    public record KeyedAmounts(String key, BigDecimal[] amounts) {
    }

    /** What identifies the export in the report. */
    public record Subject(long jobExecutionId, String fileId, String partnerId, RegisterDefinition register,
                          Entitlement entitlement, ExportWindow window) {
    }

    public ReconciliationReport reconcile(Subject s, Path plainFile, FileReading reading, String manifestPlainSha256,
                                          int keysPerKind) throws IOException, SQLException {
        RegisterDefinition r = s.register();
        int amounts = r.amountColumns().size();
        Differences diff = new Differences(keysPerKind);
        Tally db = new Tally(amounts);
        Tally file = new Tally(amounts);
        Tally events = new Tally(amounts);
        KeyedAmounts trailer = null;
        MessageDigest sha = sha256();
        try (Connection dbConnection = readOnly(); Connection eventConnection = readOnly();
             PreparedStatement dbQuery = prepare(dbConnection, RegisterQuery.keysAndAmounts(r, s.entitlement(), s.window()));
             PreparedStatement eventQuery = prepare(eventConnection, RegisterQuery.publishedEvents(r, s.entitlement(), s.window()));
             ResultSet dbRows = dbQuery.executeQuery();
             ResultSet eventRows = eventQuery.executeQuery();
             BufferedReader lines = new BufferedReader(new InputStreamReader(
                     new DigestInputStream(Files.newInputStream(plainFile), sha), StandardCharsets.UTF_8), 1 << 16)) {
            Cursor dbCursor = new Cursor(() -> dbRows.next() ? row(dbRows, amounts) : null);
            Cursor eventCursor = new Cursor(() -> eventRows.next() ? row(eventRows, amounts) : null);
            KeyedAmounts[] trailerHolder = new KeyedAmounts[1];
            String[] previousKey = new String[1];
            Cursor fileCursor = new Cursor(() -> {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    switch (line.charAt(0)) {
                        case 'D' -> {
                            KeyedAmounts d = reading.detail(line);
                            if (previousKey[0] != null && previousKey[0].compareTo(d.key()) >= 0) {
                                throw new IOException("file out of key order at " + d.key());
                            }
                            previousKey[0] = d.key();
                            return d;
                        }
                        case 'T' -> trailerHolder[0] = reading.trailer(line);
                        default -> {
                        }
                    }
                }
                return null;
            });
            merge(dbCursor, fileCursor, eventCursor, db, file, events, diff);
            trailer = trailerHolder[0];
        }
        String plainSha = HexFormat.of().formatHex(sha.digest());
        if (!plainSha.equals(manifestPlainSha256)) {
            diff.add("fileChangedSinceManifest", s.fileId());
        }
        Tally trailerTally = new Tally(amounts);
        if (trailer == null) {
            diff.add("trailerDiffers", "no trailer");
        } else {
            trailerTally.count = Long.parseLong(trailer.key());
            trailerTally.totals = trailer.amounts();
            if (trailerTally.count != file.count || !sameAmounts(trailerTally.totals, file.totals)) {
                diff.add("trailerDiffers", "trailer says " + trailerTally.count + " records / " + Arrays.toString(trailerTally.totals)
                        + ", the file holds " + file.count + " / " + Arrays.toString(file.totals));
            }
        }
        boolean totalsAgree = db.count == file.count && file.count == trailerTally.count && file.count == events.count
                && sameAmounts(db.totals, file.totals) && sameAmounts(file.totals, trailerTally.totals)
                && sameAmounts(file.totals, events.totals);
        ReconciliationReport.Status status = diff.isEmpty() && totalsAgree
                ? ReconciliationReport.Status.MATCHED : ReconciliationReport.Status.MISMATCHED;
        List<String> names = r.amountNames();
        return new ReconciliationReport(s.jobExecutionId(), s.fileId(), s.partnerId(), r.register().name(),
                s.window().businessDate().toString(), s.window().start(), s.window().cutoff(), status,
                db.report(names), file.report(names), trailerTally.report(names), events.report(names), diff.report(),
                clock.instant());
    }

    private static void merge(Cursor db, Cursor file, Cursor events, Tally dbTally, Tally fileTally, Tally eventTally,
                              Differences diff) throws IOException, SQLException {
        while (db.current() != null || file.current() != null || events.current() != null) {
            String key = min(db.key(), file.key(), events.key());
            KeyedAmounts d = Objects.equals(db.key(), key) ? db.take() : null;
            KeyedAmounts f = Objects.equals(file.key(), key) ? file.take() : null;
            KeyedAmounts e = Objects.equals(events.key(), key) ? events.take() : null;
            if (d != null) {
                dbTally.add(d);
            }
            if (f != null) {
                fileTally.add(f);
            }
            if (e != null) {
                eventTally.add(e);
            }
            if (d != null && f == null) {
                diff.add("missingFromFile", key);
            }
            if (f != null && d == null) {
                diff.add("notInDatabase", key);
            }
            if (f != null && e == null) {
                diff.add("withoutPublishedEvent", key);
            }
            if (e != null && f == null) {
                diff.add("publishedEventNotInFile", key);
            }
            if (d != null && f != null && !sameAmounts(d.amounts(), f.amounts())) {
                diff.add("amountsDiffer", key);
            }
            if (e != null && f != null && !sameAmounts(e.amounts(), f.amounts())) {
                diff.add("eventAmountsDiffer", key);
            }
        }
    }

    private static String min(String... keys) {
        String min = null;
        for (String k : keys) {
            if (k != null && (min == null || k.compareTo(min) < 0)) {
                min = k;
            }
        }
        return min;
    }

    private static boolean sameAmounts(BigDecimal[] a, BigDecimal[] b) {
        for (int i = 0; i < a.length; i++) {
            BigDecimal x = a[i] == null ? BigDecimal.ZERO : a[i];
            BigDecimal y = b[i] == null ? BigDecimal.ZERO : b[i];
            if (x.compareTo(y) != 0) {
                return false;
            }
        }
        return true;
    }

    private static KeyedAmounts row(ResultSet rs, int amounts) throws SQLException {
        BigDecimal[] values = new BigDecimal[amounts];
        for (int i = 0; i < amounts; i++) {
            values[i] = rs.getBigDecimal(i + 2);
        }
        return new KeyedAmounts(rs.getString(1), values);
    }

    private Connection readOnly() throws SQLException {
        Connection c = dataSource.getConnection();
        // a cursor streams only outside autocommit (pgjdbc otherwise loads every row)
        c.setAutoCommit(false);
        c.setReadOnly(true);
        return c;
    }

    private static PreparedStatement prepare(Connection c, RegisterQuery query) throws SQLException {
        PreparedStatement ps = c.prepareStatement(query.sql());
        ps.setFetchSize(1000);
        query.bind(ps);
        return ps;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Source {
        KeyedAmounts next() throws IOException, SQLException;
    }

    /** One sorted source, looking one record ahead. */
    private static final class Cursor {
        private final Source source;
        private KeyedAmounts current;
        private boolean started;

        Cursor(Source source) {
            this.source = source;
        }

        KeyedAmounts current() throws IOException, SQLException {
            if (!started) {
                current = source.next();
                started = true;
            }
            return current;
        }

        String key() throws IOException, SQLException {
            KeyedAmounts c = current();
            return c == null ? null : c.key();
        }

        KeyedAmounts take() throws IOException, SQLException {
            KeyedAmounts c = current();
            current = source.next();
            return c;
        }
    }

    private static final class Tally {
        long count;
        BigDecimal[] totals;

        Tally(int amounts) {
            totals = new BigDecimal[amounts];
            Arrays.fill(totals, new BigDecimal("0.00"));
        }

        void add(KeyedAmounts row) {
            count++;
            for (int i = 0; i < totals.length; i++) {
                if (row.amounts()[i] != null) {
                    totals[i] = totals[i].add(row.amounts()[i]);
                }
            }
        }

        ReconciliationReport.Totals report(List<String> names) {
            Map<String, String> t = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                t.put(names.get(i), totals[i].setScale(2).toPlainString());
            }
            return new ReconciliationReport.Totals(count, t);
        }
    }

    private static final class Differences {
        private final int limit;
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        private final Map<String, List<String>> keys = new LinkedHashMap<>();

        Differences(int limit) {
            this.limit = limit;
        }

        void add(String kind, String key) {
            counts.computeIfAbsent(kind, k -> new long[1])[0]++;
            List<String> list = keys.computeIfAbsent(kind, k -> new ArrayList<>());
            if (list.size() < limit) {
                list.add(key);
            }
        }

        boolean isEmpty() {
            return counts.isEmpty();
        }

        Map<String, ReconciliationReport.Keys> report() {
            Map<String, ReconciliationReport.Keys> report = new LinkedHashMap<>();
            counts.forEach((kind, n) -> report.put(kind, new ReconciliationReport.Keys(n[0], List.copyOf(keys.get(kind)))));
            return report;
        }
    }
}
