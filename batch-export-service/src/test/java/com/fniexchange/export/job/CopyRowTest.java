package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.RegisterFileFormat;
import com.fniexchange.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/** What the extract reads from COPY: leading fields in place, amounts as cents, escapes undone, CSV quotes removed. */
class CopyRowTest {

    private static final List<String> AWKWARD = List.of("tab\there", "back\\slash", "line\nbreak", "cr\rlf\r\n", "bs\bff\fvt\u000b",
            "\\N", "\\\\t", "plain, \"quoted\" | piped", "é中😀", "", "ends with \\", "\"", ",");

    @Test
    void textFormatValuesReadBackAsTheDatabaseHoldsThem() throws Exception {
        List<String> read = new ArrayList<>();
        copy("", "TO STDOUT (FORMAT text)", CopyRow.inTextFormat(3), row -> {
            String value = AWKWARD.get(read.size());
            read.add(row.text(1));
            assertThat(row.escaped(1)).as(value).isEqualTo(value.matches("(?s).*[\\\\\t\n\r\b\f\u000b].*"));
            assertThat(row.isNull(1)).isFalse();
            assertThat(row.cents(2)).isEqualTo(-1230);
            assertThat(row.isNull(3)).isTrue();
        });
        assertThat(read).isEqualTo(AWKWARD);
    }

    @Test
    void csvFormatKeysReadBackAndTheRestIsTheFilesCsv() throws Exception {
        List<String> keys = new ArrayList<>();
        RegisterFileFormat format = new RegisterFileFormat(com.fniexchange.export.register.RegisterCatalog.REMITTANCE, FileLayout.CSV);
        // an empty text is written as "" by COPY's CSV writer: a line selects it as NULL (RegisterLines)
        copy(", 'D', NULLIF(v, ''), NULL, NULL, NULL, NULL, NULL, '1.00'", "TO STDOUT (FORMAT csv)", CopyRow.inCsvFormat(4), row -> {
            String value = AWKWARD.get(keys.size());
            keys.add(row.text(1));
            assertThat(row.escaped(1)).as(value).isEqualTo(value.isEmpty() || value.matches("(?s).*[,\"\r\n].*"));
            assertThat(row.cents(2)).isEqualTo(-1230);
            assertThat(row.isNull(3)).isTrue();
            assertThat(row.escaped(4)).isFalse();
            String rest = new String(row.bytes(), row.start(4), row.end(4) - row.start(4), StandardCharsets.UTF_8);
            assertThat(rest).isEqualTo(format.detail(new com.fniexchange.export.register.RegisterRecord(value,
                    List.of(value, "", "", "", "", "", "1.00"))));
        });
        assertThat(keys).isEqualTo(AWKWARD);
    }

    /** Copies (n, awkward value, -12.30, NULL, then {@code more}) in the order of the values. */
    private static void copy(String more, String to, CopyRow row, RowCheck check) throws Exception {
        TestDatabase db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            PGConnection pg = c.unwrap(PGConnection.class);
            List<String> values = new ArrayList<>();
            for (String v : AWKWARD) {
                values.add("(" + values.size() + ", '" + pg.escapeLiteral(v) + "'::text)");
            }
            CopyOut copy = pg.getCopyAPI().copyOut("COPY (SELECT n, v, '-12.30'::numeric(12,2)::text, NULL::text" + more
                    + " FROM (VALUES " + String.join(", ", values) + ") x(n, v) ORDER BY n) " + to);
            for (byte[] bytes = copy.readFromCopy(); bytes != null; bytes = copy.readFromCopy()) {
                check.accept(row.read(bytes));
            }
        }
    }

    private interface RowCheck {
        void accept(CopyRow row);
    }

    @Test
    void amountsAreExactCents() {
        CopyRow row = CopyRow.inTextFormat(1);
        assertThat(row.read(bytes("0.00\t1\n")).cents(0)).isZero();
        assertThat(row.read(bytes("-0.05\t1\n")).cents(0)).isEqualTo(-5);
        assertThat(row.read(bytes("99999999.99\t1\n")).cents(0)).isEqualTo(9_999_999_999L);
        assertThat(row.read(bytes("1600.25\tthe rest\twith a tab\n")).cents(0)).isEqualTo(160_025);
        assertThat(row.text(1)).isEqualTo("the rest\twith a tab");
        assertThatThrownBy(() -> row.read(bytes("12.5\t1\n")).cents(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("12.5");
        assertThatThrownBy(() -> row.read(bytes("12.50\t1"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> row.read(bytes("12.50\n"))).isInstanceOf(IllegalStateException.class);
        assertThat(CopyRow.inCsvFormat(1).read(bytes(",D\n")).isNull(0)).isTrue();
    }

    private static byte[] bytes(String row) {
        return row.getBytes(StandardCharsets.UTF_8);
    }
}
