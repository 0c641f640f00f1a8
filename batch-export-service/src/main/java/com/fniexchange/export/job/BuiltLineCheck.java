package com.fniexchange.export.job;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.RegisterColumn;
import com.fniexchange.export.register.RegisterDefinition;

/**
 * Whether a detail line the database built ({@code RegisterLines}) is the line Java's rules
 * ({@link FileLayout#format}) give, checked on its UTF-8 bytes as they go to the file. The
 * database never refuses a value, so a value a layout cannot carry shows in the line:
 * <ul>
 *   <li>CSV carries every value (quoted where needed): always yes;</li>
 *   <li>PIPE: exactly one '|' per column (a value holding one would add more), no line break;</li>
 *   <li>FIXED_WIDTH: exactly as many characters as the widths add up to (padding never cuts, so
 *       a value too long makes the line longer), no line break, and no character beyond the BMP
 *       (PostgreSQL pads by characters, Java by UTF-16 units, where such a character counts two).</li>
 * </ul>
 * A line that fails is formatted in Java instead, which refuses the record naming its key, or
 * (beyond the BMP) writes Java's own padding.
 */
final class BuiltLineCheck {

    private final FileLayout layout;
    private final int separators;
    private final int width;

    BuiltLineCheck(RegisterDefinition register, FileLayout layout) {
        this.layout = layout;
        this.separators = register.columns().size();
        this.width = 1 + register.columns().stream().mapToInt(RegisterColumn::width).sum();
    }

    /** Whether {@code bytes[from, to)}, a line without its line break, is written as it is. */
    boolean accepts(byte[] bytes, int from, int to) {
        return switch (layout) {
            case CSV -> true;
            case PIPE -> {
                int pipes = 0;
                for (int i = from; i < to; i++) {
                    byte b = bytes[i];
                    if (b == '|') {
                        pipes++;
                    } else if (b == '\n' || b == '\r') {
                        yield false;
                    }
                }
                yield pipes == separators;
            }
            case FIXED_WIDTH -> {
                int characters = 0;
                for (int i = from; i < to; i++) {
                    byte b = bytes[i];
                    if (b == '\n' || b == '\r' || (b & 0xF8) == 0xF0) {
                        // a line break, or the first byte of a 4-byte sequence: beyond the BMP
                        yield false;
                    }
                    if ((b & 0xC0) != 0x80) {
                        // not a continuation byte: one more character
                        characters++;
                    }
                }
                yield characters == width;
            }
        };
    }
}
