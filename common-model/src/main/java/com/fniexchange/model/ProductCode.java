package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A product type from the provider's catalog, such as {@code VSC}, {@code GAP},
 * {@code TIRE_WHEEL} or {@code APPEARANCE}. Deliberately not an enum: a provider adds products
 * by adding catalog rows, not by releasing code.
 */
public record ProductCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

    public static final ProductCode VSC = new ProductCode("VSC");
    public static final ProductCode GAP = new ProductCode("GAP");

    public ProductCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("product code is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("product code must be 2 to 20 letters, digits or '_', starting with a letter, got '" + value + "'");
        }
    }

    @JsonCreator
    public static ProductCode of(String value) {
        return new ProductCode(value);
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
