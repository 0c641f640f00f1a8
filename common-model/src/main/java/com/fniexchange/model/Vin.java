package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A North American vehicle identification number (49 CFR 565): 17 characters, digits and
 * capital letters except I, O and Q, with the check digit in position 9.
 *
 * <p>Input is trimmed and upper-cased before it is checked, so {@code "1hgcm82633a004352 "}
 * is accepted as {@code 1HGCM82633A004352}.
 */
public record Vin(String value) implements TextValue {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    public Vin {
        value = TextValue.normalized(value, "VIN");
        if (value.length() != 17) {
            throw new InvalidValueException("VIN must have 17 characters, got " + value.length());
        }
        if (transliterate(value.charAt(8)) < 0) {
            throw new InvalidValueException("VIN character '" + value.charAt(8)
                    + "' at position 9 is not allowed (only digits and letters other than I, O and Q)");
        }
        char expected = checkDigit(value);
        if (value.charAt(8) != expected) {
            throw new InvalidValueException("VIN check digit (position 9) is '" + value.charAt(8)
                    + "' but the other characters give '" + expected + "'");
        }
    }

    @JsonCreator
    public static Vin of(String value) {
        return new Vin(value);
    }

    /**
     * The check digit (position 9) that the other sixteen characters of a 17-character VIN give,
     * whatever stands in position 9 now: for code that makes VINs (a test, a demo) as well as for
     * checking one.
     *
     * @throws InvalidValueException when the text is not 17 characters or holds one a VIN cannot (I, O, Q, ...)
     */
    public static char checkDigit(CharSequence vin) {
        if (vin.length() != 17) {
            throw new InvalidValueException("VIN must have 17 characters, got " + vin.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int v = transliterate(c);
            if (v < 0 && i != 8) {
                throw new InvalidValueException("VIN character '" + c + "' at position " + (i + 1)
                        + " is not allowed (only digits and letters other than I, O and Q)");
            }
            sum += Math.max(v, 0) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /** The last eight characters: the vehicle's serial part, used in contract numbers. */
    public String lastEight() {
        return value.substring(9);
    }

    @Override
    public String toString() {
        return value;
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> -1;
        };
    }
}
