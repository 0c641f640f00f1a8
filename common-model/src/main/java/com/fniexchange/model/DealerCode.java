package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** The provider-assigned code of a selling dealership: 3 to 12 capital letters or digits. */
public record DealerCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{3,12}");

    public DealerCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("dealer code is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("dealer code must be 3 to 12 letters or digits, got '" + value + "'");
        }
    }

    @JsonCreator
    public static DealerCode of(String value) {
        return new DealerCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
