package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A value type written as its text: a VIN, a contract number, a dealer or product code. Its JSON
 * is that text (not an object), and its input is normalised the same way everywhere: trimmed and
 * upper-cased before it is checked, so {@code " d1001"} is {@code D1001}.
 */
public interface TextValue {

    /** The normalised text, which is also the JSON form. */
    @JsonValue
    String value();

    /**
     * The text trimmed and upper-cased, refused when absent.
     *
     * @param what the value's name in messages ("dealer code")
     * @throws InvalidValueException when the text is null or blank
     */
    static String normalized(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(what + " is required");
        }
        return text.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * {@link #normalized} and then checked against a shape.
     *
     * @param rule what the shape requires, for the message ("must be 3 to 12 letters or digits")
     * @throws InvalidValueException when the text is absent or does not match
     */
    static String normalized(String text, String what, Pattern shape, String rule) {
        String value = normalized(text, what);
        if (!shape.matcher(value).matches()) {
            throw new InvalidValueException(what + " " + rule + ", got '" + value + "'");
        }
        return value;
    }
}
