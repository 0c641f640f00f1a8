package com.fniexchange.export.register;

/**
 * One column of a register: the view's column, its type, the header name partners see and
 * its width in fixed-width files.
 */
public record RegisterColumn(String column, ColumnType type, String name, int width) {

    public static RegisterColumn text(String column, String name, int width) {
        return new RegisterColumn(column, ColumnType.TEXT, name, width);
    }

    public static RegisterColumn of(String column, ColumnType type, String name, int width) {
        return new RegisterColumn(column, type, name, width);
    }
}
