package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.ColumnType;
import com.fniexchange.export.register.RegisterCatalog;
import com.fniexchange.export.register.RegisterColumn;
import com.fniexchange.export.register.RegisterDefinition;
import com.fniexchange.export.register.RegisterFileFormat;
import com.fniexchange.export.register.RegisterLines;
import com.fniexchange.export.register.RegisterRecord;
import com.fniexchange.testsupport.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The detail line the database builds ({@link RegisterLines}, read back through COPY's text
 * format as the extract reads it), when {@link BuiltLineCheck} accepts it, is the line Java's
 * {@link RegisterFileFormat#detail} writes for the same values, for every register and layout,
 * on the real PostgreSQL; and where Java refuses a value, the check refuses the line, so the
 * extract asks Java, which refuses the record naming its key.
 */
class DatabaseBuiltLinesProperties {

    private static final List<RegisterDefinition> REGISTERS = List.of(RegisterCatalog.CONTRACT_REGISTER,
            RegisterCatalog.REMITTANCE, RegisterCatalog.CLAIMS_REGISTER, RegisterCatalog.CANCELLATIONS);
    /** Characters a layout must quote, refuse or pass through, unicode within and beyond the BMP among them. */
    private static final List<String> AWKWARD = List.of("a", "Z", "7", " ", ",", "\"", "\"\"", "'", "\\", "\t", "\n", "\r", "|",
            "é", "ß", "€", "中", "😀", "\u000b", "\b", "\f", "-", "%", "%s", "\\N");

    private static Connection connection;

    @BeforeContainer
    static void tables() throws SQLException {
        TestDatabase db = TestDatabase.get();
        connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        try (Statement st = connection.createStatement()) {
            for (RegisterDefinition r : REGISTERS) {
                st.execute("CREATE TEMP TABLE " + table(r) + " (n int, " + r.columns().stream()
                        .map(c -> c.column() + " " + sqlType(c.type())).collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
    }

    @Property(tries = 200)
    void theDatabaseBuildsTheLineJavaWrites(@ForAll("samples") Tuple.Tuple2<RegisterDefinition, List<List<Object>>> sample,
                                             @ForAll FileLayout layout) throws Exception {
        RegisterDefinition register = sample.get1();
        List<List<Object>> rows = sample.get2();
        insert(register, rows);
        List<String> lines = copyLines(register, layout);
        List<List<String>> values = textValues(register);
        RegisterFileFormat format = new RegisterFileFormat(register, layout);
        BuiltLineCheck check = new BuiltLineCheck(register, layout);
        for (int i = 0; i < rows.size(); i++) {
            Statistics.collect(layout, compare(format, check, values.get(i), lines.get(i)));
        }
    }

    @Example
    void awkwardValuesAreWrittenAlikeInEveryLayout() throws Exception {
        RegisterDefinition register = RegisterCatalog.CONTRACT_REGISTER;
        Instant at = Instant.parse("2026-01-15T17:00:01.123456Z");
        List<List<Object>> rows = List.of(
                contract("VSC00000001", at, "D1", "ACME, \"Best\" Motors", "HONDA", 2024, "1600.25", "-850.00", true),
                contract("VSC00000002", null, "", "tab\there back\\slash", "CITROËN 中", null, null, null, null),
                contract("VSC00000003", at, "D1234567AB", "12345678901234567890", "M".repeat(20), -999, "-9999999.99", "99999999.99", false),
                contract("VSC00000004", at, "D1", "", "", 0, "0.00", "-0.01", null),
                contract("VSC00000005", at, "D1", "\\N", "%s %% %1$s", 9999, "0.10", "1.00", true));
        insert(register, rows);
        for (FileLayout layout : FileLayout.values()) {
            List<String> lines = copyLines(register, layout);
            List<List<String>> values = textValues(register);
            RegisterFileFormat format = new RegisterFileFormat(register, layout);
            BuiltLineCheck check = new BuiltLineCheck(register, layout);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(accepted(check, lines.get(i))).as(layout + " row " + i).isTrue();
                assertThat(lines.get(i)).as(layout + " row " + i)
                        .isEqualTo(format.detail(new RegisterRecord(values.get(i).get(0), values.get(i))));
            }
        }
    }

    @Example
    void linesWithValuesALayoutCannotCarryAreNotAccepted() throws Exception {
        RegisterDefinition register = RegisterCatalog.CONTRACT_REGISTER;
        insert(register, List.of(
                contract("PIPE", null, "D1", "A|B", "HONDA", 2024, "1.00", "1.00", true),
                contract("BREAK", null, "D1", "line\nbreak", "HONDA", 2024, "1.00", "1.00", true),
                contract("CR", null, "D1", "carriage\rreturn", "HONDA", 2024, "1.00", "1.00", true),
                contract("LONG", null, "D1", "123456789012345678901", "HONDA", 2024, "1.00", "1.00", true),
                contract("YEAR", null, "D1", "DEAL", "HONDA", -1000, "1.00", "1.00", true),
                contract("PRICE", null, "D1", "DEAL", "HONDA", 2024, "-999999999.99", "1.00", true)));
        BuiltLineCheck pipe = new BuiltLineCheck(register, FileLayout.PIPE);
        BuiltLineCheck fixed = new BuiltLineCheck(register, FileLayout.FIXED_WIDTH);
        BuiltLineCheck csv = new BuiltLineCheck(register, FileLayout.CSV);
        assertThat(copyLines(register, FileLayout.PIPE).stream().map(l -> accepted(pipe, l)))
                .containsExactly(false, false, false, true, true, true);
        assertThat(copyLines(register, FileLayout.FIXED_WIDTH).stream().map(l -> accepted(fixed, l)))
                .containsExactly(true, false, false, false, false, false);
        assertThat(copyLines(register, FileLayout.CSV).stream().map(l -> accepted(csv, l))).containsOnly(true);
        // for those the extract asks Java, which refuses naming the record
        List<List<String>> values = textValues(register);
        assertThatThrownBy(() -> new RegisterFileFormat(register, FileLayout.PIPE).detail(new RegisterRecord("PIPE", values.get(0))))
                .isInstanceOf(FileLayout.UnwritableValue.class).hasMessageStartingWith("record PIPE: ");
        assertThatThrownBy(() -> new RegisterFileFormat(register, FileLayout.FIXED_WIDTH).detail(new RegisterRecord("PRICE", values.get(5))))
                .isInstanceOf(FileLayout.UnwritableValue.class).hasMessageStartingWith("record PRICE: ");
    }

    private static String compare(RegisterFileFormat format, BuiltLineCheck check, List<String> values, String databaseLine) {
        String key = values.get(0);
        boolean accepted = accepted(check, databaseLine);
        String javaLine;
        try {
            javaLine = format.detail(new RegisterRecord(key, values));
        } catch (FileLayout.UnwritableValue e) {
            assertThat(e).hasMessageStartingWith("record " + key + ": ");
            assertThat(accepted).as("accepted %s, which Java refuses: %s", databaseLine, e.getMessage()).isFalse();
            return "refused by both";
        }
        if (!accepted) {
            // the one line the check leaves to Java: fixed width with characters beyond the BMP
            assertThat(format.layout()).as("not accepted: %s, Java writes %s", databaseLine, javaLine).isEqualTo(FileLayout.FIXED_WIDTH);
            assertThat(javaLine.codePointCount(0, javaLine.length())).as(javaLine).isLessThan(javaLine.length());
            return "left to Java";
        }
        assertThat(databaseLine).isEqualTo(javaLine);
        return "same line";
    }

    private static boolean accepted(BuiltLineCheck check, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return check.accepts(bytes, 0, bytes.length);
    }

    /** The lines as the extract reads them, escapes undone. */
    private static List<String> copyLines(RegisterDefinition register, FileLayout layout) throws Exception {
        String sql = "COPY (SELECT v.n, " + RegisterLines.line(register, layout, "v") + " FROM " + table(register)
                + " v ORDER BY v.n) TO STDOUT " + RegisterLines.copyFormat(layout);
        CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        CopyRow row = layout == FileLayout.CSV ? CopyRow.inCsvFormat(1) : CopyRow.inTextFormat(1);
        List<String> lines = new ArrayList<>();
        for (byte[] bytes = copy.readFromCopy(); bytes != null; bytes = copy.readFromCopy()) {
            row.read(bytes);
            assertThat(row.isNull(1)).isFalse();
            lines.add(row.text(1));
        }
        return lines;
    }

    /** Each row's values as the file's text ({@link ColumnType#asText}, null empty), read by JDBC. */
    private static List<List<String>> textValues(RegisterDefinition register) throws SQLException {
        String sql = "SELECT " + register.columns().stream().map(c -> c.type().asText("v." + c.column()))
                .collect(Collectors.joining(", ")) + " FROM " + table(register) + " v ORDER BY v.n";
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= register.columns().size(); i++) {
                    values.add(ColumnType.read(rs, i));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static void insert(RegisterDefinition register, List<List<Object>> rows) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("TRUNCATE " + table(register));
        }
        String sql = "INSERT INTO " + table(register) + " VALUES (?" + ", ?".repeat(register.columns().size()) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                ps.setInt(1, i);
                for (int c = 0; c < register.columns().size(); c++) {
                    Object v = rows.get(i).get(c);
                    if (v == null) {
                        ps.setNull(c + 2, Types.OTHER);
                    } else if (v instanceof Instant instant) {
                        ps.setTimestamp(c + 2, Timestamp.from(instant));
                    } else if (v instanceof LocalDate date) {
                        ps.setObject(c + 2, date);
                    } else {
                        ps.setObject(c + 2, v);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<Object> contract(String number, Instant issuedAt, String dealer, String deal, String make, Integer year,
                                         String price, String cost, Boolean financed) {
        return Arrays.asList(number, issuedAt, dealer, deal, "VSC", "VSC-36-36-100", "1HGCM8", make, year, 12000,
                LocalDate.of(2026, 1, 15), 36, 36000, new BigDecimal("100.00"), price == null ? null : new BigDecimal(price),
                cost == null ? null : new BigDecimal(cost), financed, "TX");
    }

    @Provide
    Arbitrary<Tuple.Tuple2<RegisterDefinition, List<List<Object>>>> samples() {
        return Arbitraries.of(REGISTERS).flatMap(r -> row(r).list().ofMinSize(1).ofMaxSize(12).map(rows -> Tuple.of(r, rows)));
    }

    private static Arbitrary<List<Object>> row(RegisterDefinition register) {
        List<Arbitrary<Object>> values = register.columns().stream().map(DatabaseBuiltLinesProperties::value).toList();
        return Combinators.combine(values).as(ArrayList::new);
    }

    private static Arbitrary<Object> value(RegisterColumn column) {
        Arbitrary<?> value = switch (column.type()) {
            case TEXT -> Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(5, Arbitraries.of(AWKWARD).list().ofMaxSize(column.width() + 1).map(parts -> String.join("", parts))),
                    Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars(' ', '-').ofMaxLength(column.width())),
                    Tuple.of(1, Arbitraries.strings().alpha().ofLength(column.width())),
                    Tuple.of(1, Arbitraries.strings().alpha().ofLength(column.width() + 1)));
            case INTEGER -> Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.integers().between(-999, 9999)),
                    Tuple.of(1, Arbitraries.integers().between(-99_999_999, 999_999_999)));
            case MONEY -> Arbitraries.frequencyOf(
                    Tuple.of(5, Arbitraries.bigDecimals().between(new BigDecimal("-999.99"), new BigDecimal("99999.99")).ofScale(2)),
                    Tuple.of(1, Arbitraries.bigDecimals().between(new BigDecimal("-9999999999.99"), new BigDecimal("9999999999.99"))
                            .ofScale(2)));
            case DATE -> Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                    .map(LocalDate::ofEpochDay);
            case INSTANT -> Arbitraries.longs().between(Instant.parse("1990-01-01T00:00:00Z").toEpochMilli() * 1000,
                            Instant.parse("2099-12-31T23:59:59Z").toEpochMilli() * 1000)
                    .map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
            case FLAG -> Arbitraries.of(true, false);
        };
        return value.map(v -> (Object) v).injectNull(0.1);
    }

    private static String table(RegisterDefinition register) {
        return "lines_" + register.register().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String sqlType(ColumnType type) {
        return switch (type) {
            case TEXT -> "text";
            case DATE -> "date";
            case INTEGER -> "integer";
            case MONEY -> "numeric(12,2)";
            case FLAG -> "boolean";
            case INSTANT -> "timestamptz";
        };
    }
}
