package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.regex.Pattern;

/**
 * A product type from the provider's catalog, such as {@code VSC}, {@code GAP},
 * {@code TIRE_WHEEL} or {@code APPEARANCE}. Deliberately not an enum: a provider adds products
 * by adding catalog rows, not by releasing code.
 */
public record ProductCode(String value) implements TextValue {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

    public static final ProductCode VSC = new ProductCode("VSC");
    public static final ProductCode GAP = new ProductCode("GAP");

    public ProductCode {
        value = TextValue.normalized(value, "product code", SHAPE, "must be 2 to 20 letters, digits or '_', starting with a letter");
    }

    @JsonCreator
    public static ProductCode of(String value) {
        return new ProductCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
