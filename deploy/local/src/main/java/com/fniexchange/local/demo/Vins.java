package com.fniexchange.local.demo;

import com.fniexchange.model.Vin;
import java.util.random.RandomGenerator;

/**
 * Vehicle identification numbers the platform accepts (49 CFR 565, as common-model's {@code Vin}
 * checks them): 17 characters without I, O or Q, the check digit in position 9, here also the
 * model-year code in position 10. Each run sells new vehicles, so their serials are random: the
 * contract number is the form prefix and the last 8 characters, and a repeated one would only be
 * issued with a {@code -02} suffix, but a fresh one reads better in the demo.
 */
final class Vins {

    /** Position 10 for model years 2010 to 2039 (the letters I, O, Q, U, Z and the digit 0 are not used). */
    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

    private Vins() {
    }

    /**
     * A new VIN.
     *
     * @param maker     positions 1 to 8: manufacturer and vehicle descriptor, e.g. {@code 1HGCV1F3} (Honda Accord)
     * @param modelYear 2010 to 2039
     * @param plant     position 11
     */
    static String next(String maker, int modelYear, char plant, RandomGenerator random) {
        if (maker.length() != 8) {
            throw new IllegalArgumentException("positions 1 to 8 of a VIN, got " + maker);
        }
        if (modelYear < 2010 || modelYear > 2039) {
            throw new IllegalArgumentException("model year out of the codes known here: " + modelYear);
        }
        String serial = "%06d".formatted(random.nextInt(1_000_000));
        String withoutCheck = maker + "0" + YEAR_CODES.charAt(modelYear - 2010) + plant + serial;
        return withoutCheck.substring(0, 8) + Vin.checkDigit(withoutCheck) + withoutCheck.substring(9);
    }
}
