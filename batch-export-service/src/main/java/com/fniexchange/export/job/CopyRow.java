package com.fniexchange.export.job;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One row of the extract's {@code COPY ... TO STDOUT}, read in place from its bytes: some leading
 * fields (the key, the amounts), then the rest of the row up to its newline (the line). Fields
 * are byte ranges of the row, so the usual row costs no copy and no String; one instance reads
 * row after row. Two formats:
 * <ul>
 *   <li>text: fields separated by tabs, NULL as {@code \N}, and in a value a backslash, tab,
 *       newline, carriage return, backspace, form feed or vertical tab escaped with a backslash;</li>
 *   <li>CSV: fields separated by commas, NULL empty, a value with a comma, quote or line break
 *       quoted with its quotes doubled; the rest of the row is CSV as the file takes it.</li>
 * </ul>
 */
final class CopyRow {

    private static final byte BACKSLASH = '\\';
    private static final byte QUOTE = '"';

    private final boolean csv;
    private final byte separator;
    private final int[] starts;
    private final int[] ends;
    private byte[] bytes;

    private CopyRow(boolean csv, int fields) {
        this.csv = csv;
        this.separator = csv ? (byte) ',' : (byte) '\t';
        this.starts = new int[fields];
        this.ends = new int[fields];
    }

    /** Rows in COPY's text format: {@code leading} fields, then the rest. */
    static CopyRow inTextFormat(int leading) {
        return new CopyRow(false, leading + 1);
    }

    /** Rows in COPY's CSV format: {@code leading} fields, then the rest. */
    static CopyRow inCsvFormat(int leading) {
        return new CopyRow(true, leading + 1);
    }

    /** Takes the next row and splits off its leading fields; the last field is the rest, without the newline. */
    CopyRow read(byte[] row) {
        int last = starts.length - 1;
        if (row.length == 0 || row[row.length - 1] != '\n') {
            throw new IllegalStateException("a COPY row ends with a newline");
        }
        int at = 0;
        for (int i = 0; i < last; i++) {
            int end = at;
            if (csv && end < row.length && row[end] == QUOTE) {
                // a quoted field: to the quote that is not doubled
                end++;
                while (end < row.length && (row[end] != QUOTE || (end + 1 < row.length && row[end + 1] == QUOTE))) {
                    end += row[end] == QUOTE ? 2 : 1;
                }
                end++;
            }
            while (end < row.length && row[end] != separator) {
                end++;
            }
            if (end >= row.length - 1) {
                throw new IllegalStateException("a COPY row with fewer than " + starts.length + " fields");
            }
            starts[i] = at;
            ends[i] = end;
            at = end + 1;
        }
        starts[last] = at;
        ends[last] = row.length - 1;
        bytes = row;
        return this;
    }

    boolean isNull(int field) {
        int length = ends[field] - starts[field];
        return csv ? length == 0 : length == 2 && bytes[starts[field]] == BACKSLASH && bytes[starts[field] + 1] == 'N';
    }

    /** A {@code numeric(12,2)} field as cents: an optional minus, digits, a dot, two digits. */
    long cents(int field) {
        int at = starts[field];
        int end = ends[field];
        boolean negative = at < end && bytes[at] == '-';
        if (negative) {
            at++;
        }
        if (end - at < 4 || bytes[end - 3] != '.') {
            throw new IllegalStateException("not an amount with two decimals: " + text(field));
        }
        long cents = 0;
        for (int i = at; i < end; i++) {
            if (i == end - 3) {
                continue;
            }
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("not an amount with two decimals: " + text(field));
            }
            cents = Math.addExact(Math.multiplyExact(cents, 10), digit);
        }
        return negative ? -cents : cents;
    }

    /**
     * Whether the field's bytes are not its value as they stand: text format with an escape (a
     * backslash) in it. In CSV the rest of the row is already the file's CSV.
     */
    boolean escaped(int field) {
        if (csv) {
            return field != starts.length - 1 && ends[field] > starts[field] && bytes[starts[field]] == QUOTE;
        }
        for (int i = starts[field]; i < ends[field]; i++) {
            if (bytes[i] == BACKSLASH) {
                return true;
            }
        }
        return false;
    }

    byte[] bytes() {
        return bytes;
    }

    int start(int field) {
        return starts[field];
    }

    /** Where the field's bytes end (exclusive; the last field's, before the newline). */
    int end(int field) {
        return ends[field];
    }

    /** The value's UTF-8 bytes: escapes undone (text), quotes removed (a quoted leading CSV field). */
    byte[] value(int field) {
        if (!escaped(field)) {
            byte[] value = new byte[ends[field] - starts[field]];
            System.arraycopy(bytes, starts[field], value, 0, value.length);
            return value;
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream(ends[field] - starts[field]);
        if (csv) {
            for (int i = starts[field] + 1; i < ends[field] - 1; i++) {
                value.write(bytes[i]);
                if (bytes[i] == QUOTE) {
                    i++; // the doubled quote
                }
            }
            return value.toByteArray();
        }
        for (int i = starts[field]; i < ends[field]; i++) {
            byte b = bytes[i];
            if (b == BACKSLASH && i + 1 < ends[field]) {
                b = switch (bytes[++i]) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'v' -> 0x0b;
                    default -> bytes[i]; // a backslash (or the delimiter) stands for itself
                };
            }
            value.write(b);
        }
        return value.toByteArray();
    }

    /** The value as text (see {@link #value}). */
    String text(int field) {
        return new String(value(field), StandardCharsets.UTF_8);
    }
}
