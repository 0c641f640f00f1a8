package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.regex.Pattern;

/**
 * A contract (agreement) number: its base, the product form prefix and the last eight
 * characters of the VIN, and, from the second contract with the same base on, an issue suffix
 * of at least two digits. Example: {@code VSC3A004352}, then {@code VSC3A004352-02} ...
 * {@code VSC3A004352-99}, {@code VSC3A004352-100}. Two vehicles whose VINs end alike share a
 * base, so the issue is counted per base, never per VIN; the scheme never runs out.
 */
public record ContractNumber(String value) implements TextValue {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,4}[A-Z0-9]{8}(-(0[2-9]|[1-9]\\d+))?");

    public ContractNumber {
        value = TextValue.normalized(value, "contract number", SHAPE, "must be a 2-4 letter form prefix, 8 letters or digits"
                + " and an optional issue suffix of at least two digits from -02");
    }

    /**
     * The base of the numbers of this form on this vehicle: the form prefix and the last eight
     * characters of the VIN. Vehicles whose VINs end alike share it.
     *
     * @param formPrefix the product form's prefix, for example {@code VSC}
     */
    public static String base(String formPrefix, Vin vin) {
        return formPrefix + vin.lastEight();
    }

    /**
     * Issues a number on a base.
     *
     * @param base  from {@link #base(String, Vin)}
     * @param issue 1 for the first contract with this base (no suffix), 2 for the next ({@code -02}),
     *              100 after 99 ({@code -100})
     */
    public static ContractNumber issue(String base, int issue) {
        if (issue < 1) {
            throw new InvalidValueException("issue must be 1 or more, got " + issue);
        }
        return new ContractNumber(issue == 1 ? base : base + "-%02d".formatted(issue));
    }

    /** The issue this number carries: 1 without a suffix, else the suffix. */
    public int issue() {
        int dash = value.indexOf('-');
        return dash < 0 ? 1 : Integer.parseInt(value.substring(dash + 1));
    }

    @JsonCreator
    public static ContractNumber of(String value) {
        return new ContractNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
