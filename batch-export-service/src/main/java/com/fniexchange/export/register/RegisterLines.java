package com.fniexchange.export.register;

import com.fniexchange.model.file.FileLayout;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a register's row becomes its detail line in SQL, so the extract's {@code COPY} streams
 * lines the database built: byte for byte what {@code RegisterFileFormat.detail} (through
 * {@link FileLayout#format}) writes in Java for the same values. Each column is the text of
 * {@link ColumnType#asText} (null written empty), then:
 * <ul>
 *   <li>CSV: COPY's own CSV writer joins the fields ({@link #copyFormat} is {@code FORMAT csv}),
 *       quoting a value that holds a comma, a quote or a line break and doubling its quotes, as
 *       Java does; an empty text is selected as NULL, which COPY leaves unquoted (it writes an
 *       empty string as {@code ""}), as Java writes both;</li>
 *   <li>PIPE: one {@code format('D|%s|%s…')} value (COPY's text format), no quoting;</li>
 *   <li>FIXED_WIDTH: one {@code format()} value: {@code '%-20s'} pads text on the right,
 *       {@code '%12s'} numbers on the left, and never cuts a value (so a value too long shows as a
 *       line too long).</li>
 * </ul>
 * The database never refuses a value: a value the layout cannot carry (a '|' in a pipe file, a
 * line break in a pipe or fixed-width file, a value longer than its width) shows in the line
 * built, which the extract checks on its bytes before writing it ({@code BuiltLineCheck}); a line
 * that fails the check is formatted in Java instead, which refuses the record naming its key.
 */
public final class RegisterLines {

    /** PostgreSQL functions take at most 100 arguments: the format string, 'D' and one per column. */
    static final int MAX_COLUMNS = 98;

    private RegisterLines() {
    }

    /**
     * The select-list items that make the line of a row of {@code alias} (a relation with the
     * register's view columns), to come last in the COPY's select list: for CSV, one per field
     * (the line is the rest of the CSV row from the record type on); otherwise one, the line.
     */
    public static String line(RegisterDefinition register, FileLayout layout, String alias) {
        List<RegisterColumn> columns = register.columns();
        if (columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException(register.register() + ": more than " + MAX_COLUMNS + " columns for one format()");
        }
        return switch (layout) {
            case CSV -> columns.stream().map(c -> {
                String text = c.type().asText(alias + "." + c.column());
                return c.type().freeText() ? "NULLIF(" + text + ", '')" : text;
            }).collect(Collectors.joining(", ", "'D', ", ""));
            case PIPE -> format("D" + "|%s".repeat(columns.size()), alias, columns);
            case FIXED_WIDTH -> {
                StringBuilder spec = new StringBuilder("D");
                for (RegisterColumn c : columns) {
                    spec.append(c.type().numeric() ? "%" : "%-").append(c.width()).append('s');
                }
                yield format(spec.toString(), alias, columns);
            }
        };
    }

    /** The COPY options the lines of {@link #line} need: COPY's CSV writer for CSV, its text format otherwise. */
    public static String copyFormat(FileLayout layout) {
        return layout == FileLayout.CSV ? "(FORMAT csv)" : "(FORMAT text)";
    }

    /** format() writes NULL as empty, as the file does. */
    private static String format(String spec, String alias, List<RegisterColumn> columns) {
        return columns.stream().map(c -> c.type().asText(alias + "." + c.column()))
                .collect(Collectors.joining(", ", "format('" + spec + "', ", ")"));
    }
}
