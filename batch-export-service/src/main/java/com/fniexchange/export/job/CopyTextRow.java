package com.fniexchange.export.job;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One row of {@code COPY ... TO STDOUT} in PostgreSQL's text format, read in place from its
 * bytes: fields separated by tabs, the row ended by a newline, NULL as {@code \N}, and in a
 * value a backslash, tab, newline, carriage return, backspace, form feed or vertical tab
 * escaped with a backslash. Fields are byte ranges of the row, so the usual row costs no copy
 * and no String; one instance reads row after row.
 */
final class CopyTextRow {

    private static final byte TAB = '\t';
    private static final byte BACKSLASH = '\\';

    private final int[] starts;
    private final int[] ends;
    private byte[] bytes;

    CopyTextRow(int fields) {
        this.starts = new int[fields];
        this.ends = new int[fields];
    }

    /**
     * Takes the next row and splits it; the last field runs to the newline, so only the tabs
     * before it count (a tab inside a value is escaped anyway).
     */
    CopyTextRow read(byte[] row) {
        int fields = starts.length;
        if (row.length == 0 || row[row.length - 1] != '\n') {
            throw new IllegalStateException("a COPY text row ends with a newline");
        }
        int at = 0;
        for (int i = 0; i < fields - 1; i++) {
            int tab = at;
            while (tab < row.length && row[tab] != TAB) {
                tab++;
            }
            if (tab == row.length) {
                throw new IllegalStateException("a COPY text row with fewer than " + fields + " fields");
            }
            starts[i] = at;
            ends[i] = tab;
            at = tab + 1;
        }
        starts[fields - 1] = at;
        ends[fields - 1] = row.length - 1;
        bytes = row;
        return this;
    }

    boolean isNull(int field) {
        return ends[field] - starts[field] == 2 && bytes[starts[field]] == BACKSLASH && bytes[starts[field] + 1] == 'N';
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

    /** Whether the field holds an escape (a backslash), so its bytes are not the value's. */
    boolean escaped(int field) {
        for (int i = starts[field]; i < ends[field]; i++) {
            if (bytes[i] == BACKSLASH) {
                return true;
            }
        }
        return false;
    }

    int start(int field) {
        return starts[field];
    }

    /** Length of the field's bytes plus the row's newline, when it is the last field. */
    int lengthWithNewline(int field) {
        return ends[field] + 1 - starts[field];
    }

    byte[] bytes() {
        return bytes;
    }

    /** The value's UTF-8 bytes, escapes undone. */
    byte[] value(int field) {
        ByteArrayOutputStream value = new ByteArrayOutputStream(ends[field] - starts[field]);
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

    /** The value as text, escapes undone. */
    String text(int field) {
        return new String(value(field), StandardCharsets.UTF_8);
    }
}
