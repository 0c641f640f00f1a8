package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A contract (agreement) number: the product form prefix, the last eight characters of the
 * VIN and, when the same vehicle already carries a contract of that form, a two-digit issue
 * suffix. Example: {@code VSC03A004352}, re-issued as {@code VSC03A004352-02}.
 */
public record ContractNumber(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,4}[A-Z0-9]{8}(-\\d{2})?");

    public ContractNumber {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("contract number is required");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("contract number must be a 2-4 letter form prefix, 8 letters or digits"
                    + " and an optional -NN issue suffix, got '" + value + "'");
        }
    }

    /**
     * Issues the number for a contract on this vehicle.
     *
     * @param formPrefix the product form's prefix, for example {@code VSC}
     * @param issue      1 for the first contract of this form on this VIN, 2 for the next...
     */
    public static ContractNumber issue(String formPrefix, Vin vin, int issue) {
        if (issue < 1 || issue > 99) {
            throw new InvalidValueException("issue must be 1 to 99, got " + issue);
        }
        String base = formPrefix + vin.lastEight();
        return new ContractNumber(issue == 1 ? base : base + "-%02d".formatted(issue));
    }

    @JsonCreator
    public static ContractNumber of(String value) {
        return new ContractNumber(value);
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
