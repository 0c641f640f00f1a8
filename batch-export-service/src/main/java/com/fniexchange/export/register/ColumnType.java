package com.fniexchange.export.register;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;

/** How a register column is read from its view and written to a file. */
public enum ColumnType {
    TEXT, DATE, INTEGER, MONEY, FLAG, INSTANT;

    /** The column's value as it appears in a file; empty for SQL null. */
    public String read(ResultSet rs, int index) throws SQLException {
        return switch (this) {
            case TEXT -> nullToEmpty(rs.getString(index));
            case DATE -> {
                java.sql.Date d = rs.getDate(index);
                yield d == null ? "" : d.toLocalDate().toString();
            }
            case INTEGER -> {
                long v = rs.getLong(index);
                yield rs.wasNull() ? "" : Long.toString(v);
            }
            case MONEY -> {
                BigDecimal v = rs.getBigDecimal(index);
                // numeric(12,2): scale 2 is exact, never rounded in practice
                yield v == null ? "" : v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
            }
            case FLAG -> {
                boolean v = rs.getBoolean(index);
                yield rs.wasNull() ? "" : (v ? "Y" : "N");
            }
            case INSTANT -> {
                Timestamp t = rs.getTimestamp(index);
                yield t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
            }
        };
    }

    /** Numbers are right-aligned in fixed-width files, text left-aligned. */
    public boolean numeric() {
        return this == INTEGER || this == MONEY;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
