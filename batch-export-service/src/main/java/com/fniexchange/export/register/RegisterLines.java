package com.fniexchange.export.register;

import com.fniexchange.export.job.FileLayout;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a register's row becomes its detail line in SQL, so the extract's {@code COPY} streams
 * lines the database built: byte for byte what {@code RegisterFileFormat.detail} (through
 * {@link FileLayout#format}) writes in Java for the same values. Each column is the text of
 * {@link ColumnType#asText} (null written empty), then:
 * <ul>
 *   <li>CSV: comma-separated; a text value holding a comma, a quote or a line break is quoted
 *       with its quotes doubled (the other types' text never needs it);</li>
 *   <li>PIPE: pipe-separated, no quoting;</li>
 *   <li>FIXED_WIDTH: {@code format('%-20s')} pads text on the right, {@code '%12s'} numbers on
 *       the left, and never cuts a value (so a value too long shows as a line too long).</li>
 * </ul>
 * A line the database cannot vouch for is NULL: a value the layout cannot carry (a '|' in a
 * pipe file, a line break in a pipe or fixed-width file, a value longer than its width), or a
 * fixed-width line holding characters beyond the BMP (Java counts those as two, PostgreSQL as
 * one). The extract formats such a record in Java, which refuses it naming its key, or writes
 * the line Java's rules give.
 */
public final class RegisterLines {

    /** PostgreSQL functions take at most 100 arguments: the format string and one per field. */
    static final int MAX_COLUMNS = 98;

    private RegisterLines() {
    }

    /**
     * The line of a row of {@code alias} (a relation with the register's view columns); every
     * layout but CSV may still carry a value it cannot: pass it through {@link #writable}.
     */
    public static String line(RegisterDefinition register, FileLayout layout, String alias) {
        List<RegisterColumn> columns = register.columns();
        if (columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException(register.register() + ": more than " + MAX_COLUMNS + " columns for one format()");
        }
        List<String> values = columns.stream().map(c -> c.type().asText(alias + "." + c.column())).toList();
        return switch (layout) {
            case CSV -> csv(columns, values);
            case PIPE -> format("D" + "|%s".repeat(columns.size()), values);
            case FIXED_WIDTH -> {
                StringBuilder spec = new StringBuilder("%-1s");
                for (RegisterColumn c : columns) {
                    spec.append(c.type().numeric() ? "%" : "%-").append(c.width()).append('s');
                }
                yield "format('" + spec + "', 'D', " + String.join(", ", values) + ")";
            }
        };
    }

    /** {@code line} (an expression of {@link #line}'s text) when the layout carries it as built, else NULL. */
    public static String writable(RegisterDefinition register, FileLayout layout, String line) {
        String noLineBreak = "strpos(" + line + ", E'\\n') = 0 AND strpos(" + line + ", E'\\r') = 0";
        return switch (layout) {
            case CSV -> line;
            // one '|' between fields and no more: a value holding one cannot be told apart
            case PIPE -> "CASE WHEN " + noLineBreak + " AND length(" + line + ") - length(replace(" + line + ", '|', '')) = "
                    + register.columns().size() + " THEN " + line + " END";
            case FIXED_WIDTH -> {
                int width = 1 + register.columns().stream().mapToInt(RegisterColumn::width).sum();
                // as long as the widths add up (format pads but never cuts), in characters that Java counts alike
                yield "CASE WHEN length(" + line + ") = " + width + " AND " + noLineBreak + " AND (octet_length(" + line + ") = "
                        + width + " OR " + line + " !~ E'[\\\\U00010000-\\\\U0010FFFF]') THEN " + line + " END";
            }
        };
    }

    private static String csv(List<RegisterColumn> columns, List<String> values) {
        String plain = format("D" + ",%s".repeat(columns.size()), values);
        List<String> freeText = java.util.stream.IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).type().freeText()).mapToObj(values::get).toList();
        if (freeText.isEmpty()) {
            return plain;
        }
        // one test per row; the per-value quoting only for the rare row that needs some
        List<String> quoted = java.util.stream.IntStream.range(0, columns.size())
                .mapToObj(i -> columns.get(i).type().freeText() ? csvField(values.get(i)) : values.get(i)).toList();
        return "CASE WHEN concat(" + String.join(", ", freeText) + ") ~ E'[,\"\\\\r\\\\n]' THEN "
                + format("D" + ",%s".repeat(columns.size()), quoted) + " ELSE " + plain + " END";
    }

    private static String csvField(String value) {
        return "CASE WHEN " + value + " ~ E'[,\"\\\\r\\\\n]' THEN '\"' || replace(" + value + ", '\"', '\"\"') || '\"' ELSE "
                + value + " END";
    }

    /** format() writes NULL as empty, as the file does. */
    private static String format(String spec, List<String> values) {
        return values.stream().collect(Collectors.joining(", ", "format('" + spec + "', ", ")"));
    }
}
