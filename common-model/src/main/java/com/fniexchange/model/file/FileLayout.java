package com.fniexchange.model.file;

import java.util.ArrayList;
import java.util.List;

/**
 * How a record becomes a line and back. Values are never altered to fit: a value a layout
 * cannot carry (a delimiter in a pipe file, too long for its fixed width) fails the export
 * with the record's key, rather than sending a file that reads differently than the database.
 */
public enum FileLayout {
    /** RFC 4180: comma-separated, a field with a comma, quote or line break is quoted. */
    CSV("csv"),
    /** Pipe-delimited; no quoting, so a value containing '|' is refused. */
    PIPE("txt"),
    /** Fixed width: text left-aligned, numbers right-aligned, space-padded. */
    FIXED_WIDTH("dat");

    private final String extension;

    FileLayout(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** One line (without its line break). */
    public String format(List<String> fields, List<Integer> widths, List<Boolean> numeric) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String v = fields.get(i);
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                if (this != CSV) {
                    throw new UnwritableValue("a line break cannot be written in a " + this + " file");
                }
            }
            switch (this) {
                case CSV -> {
                    if (i > 0) {
                        line.append(',');
                    }
                    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                        line.append('"').append(v.replace("\"", "\"\"")).append('"');
                    } else {
                        line.append(v);
                    }
                }
                case PIPE -> {
                    if (v.indexOf('|') >= 0) {
                        throw new UnwritableValue("'|' cannot be written in a pipe-delimited file: " + v);
                    }
                    if (i > 0) {
                        line.append('|');
                    }
                    line.append(v);
                }
                case FIXED_WIDTH -> {
                    int width = widths.get(i);
                    if (v.length() > width) {
                        throw new UnwritableValue("'" + v + "' is longer than its fixed width " + width);
                    }
                    String pad = " ".repeat(width - v.length());
                    line.append(numeric.get(i) ? pad + v : v + pad);
                }
            }
        }
        return line.toString();
    }

    /** The fields of a line written by {@link #format}. */
    public List<String> parse(String line, List<Integer> widths) {
        return switch (this) {
            case CSV -> parseCsv(line);
            case PIPE -> List.of(line.split("\\|", -1));
            case FIXED_WIDTH -> {
                List<String> fields = new ArrayList<>();
                int at = 0;
                for (int width : widths) {
                    if (at + width > line.length()) {
                        throw new IllegalArgumentException("line shorter than its layout: " + line.length() + " characters");
                    }
                    fields.add(line.substring(at, at + width).strip());
                    at += width;
                }
                if (at != line.length()) {
                    throw new IllegalArgumentException("line longer than its layout: " + line.length() + " characters");
                }
                yield fields;
            }
        };
    }

    private static List<String> parseCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** A value this layout cannot carry unchanged. */
    public static class UnwritableValue extends RuntimeException {
        public UnwritableValue(String message) {
            super(message);
        }
    }
}
