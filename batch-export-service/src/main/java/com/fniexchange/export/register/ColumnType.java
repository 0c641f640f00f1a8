package com.fniexchange.export.register;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How a register column is read from its view and written to a file. */
public enum ColumnType {
    TEXT, DATE, INTEGER, MONEY, FLAG, INSTANT;

    /**
     * The SQL expression that yields the column as it appears in a file (null stays null): the
     * database formats, so the extract reads plain strings (cheaper per row than typed getters).
     * Dates ISO; integers plain; money with exactly two decimals; flags Y/N; instants UTC with
     * microseconds, {@code 2026-01-15T17:00:01.000000Z}.
     */
    public String asText(String column) {
        return switch (this) {
            case TEXT -> column + "::text";
            case DATE -> "to_char(" + column + ", 'YYYY-MM-DD')";
            case INTEGER -> column + "::text";
            case MONEY -> column + "::numeric(12,2)::text";
            case FLAG -> "CASE WHEN " + column + " THEN 'Y' WHEN NOT " + column + " THEN 'N' END";
            case INSTANT -> "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
        };
    }

    /** Reads a column selected with {@link #asText}; empty for SQL null. */
    public static String read(ResultSet rs, int index) throws SQLException {
        String v = rs.getString(index);
        return v == null ? "" : v;
    }

    /** Numbers are right-aligned in fixed-width files, text left-aligned. */
    public boolean numeric() {
        return this == INTEGER || this == MONEY;
    }

    /**
     * Whether the column's text may hold any character (a delimiter, a quote, a line break).
     * The other types' text is digits, signs, dots, dashes, colons, T, Z, Y or N only.
     */
    public boolean freeText() {
        return this == TEXT;
    }

}
