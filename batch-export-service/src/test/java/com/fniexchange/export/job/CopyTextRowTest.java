package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/** What the extract reads from COPY's text format: fields in place, amounts as cents, escapes undone. */
class CopyTextRowTest {

    @Test
    void escapedValuesReadBackAsTheDatabaseHoldsThem() throws Exception {
        List<String> values = List.of("tab\there", "back\\slash", "line\nbreak", "cr\rlf\r\n", "bs\bff\fvt\u000b",
                "\\N", "\\\\t", "plain, \"quoted\" | piped", "é中😀", "", "ends with \\");
        TestDatabase db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            PGConnection pg = c.unwrap(PGConnection.class);
            List<String> literals = new ArrayList<>();
            for (String v : values) {
                literals.add("(" + literals.size() + ", '" + pg.escapeLiteral(v) + "'::text, '-12.30'::numeric(12,2)::text)");
            }
            CopyOut copy = pg.getCopyAPI().copyOut("COPY (SELECT n, v, a, NULL::text FROM (VALUES " + String.join(", ", literals)
                    + ") x(n, v, a) ORDER BY n) TO STDOUT");
            CopyTextRow row = new CopyTextRow(4);
            List<String> read = new ArrayList<>();
            for (byte[] bytes = copy.readFromCopy(); bytes != null; bytes = copy.readFromCopy()) {
                row.read(bytes);
                read.add(row.text(1));
                String value = values.get(read.size() - 1);
                assertThat(row.escaped(1)).as(value).isEqualTo(value.matches("(?s).*[\\\\\t\n\r\b\f\u000b].*"));
                assertThat(row.cents(2)).isEqualTo(-1230);
                assertThat(row.isNull(3)).isTrue();
                assertThat(row.isNull(1)).isFalse();
            }
            assertThat(read).isEqualTo(values);
        }
    }

    @Test
    void amountsAreExactCents() {
        CopyTextRow row = new CopyTextRow(2);
        assertThat(row.read(bytes("0.00\t1\n")).cents(0)).isZero();
        assertThat(row.read(bytes("-0.05\t1\n")).cents(0)).isEqualTo(-5);
        assertThat(row.read(bytes("99999999.99\t1\n")).cents(0)).isEqualTo(9_999_999_999L);
        assertThat(row.read(bytes("1600.25\tlast field\twith a tab\n")).cents(0)).isEqualTo(160_025);
        assertThat(row.text(1)).isEqualTo("last field\twith a tab");
        assertThatThrownBy(() -> row.read(bytes("12.5\t1\n")).cents(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("12.5");
        assertThatThrownBy(() -> row.read(bytes("12.50\t1"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> row.read(bytes("12.50\n"))).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] bytes(String row) {
        return row.getBytes(StandardCharsets.UTF_8);
    }
}
