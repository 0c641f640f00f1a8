package com.fniexchange.testsupport;

import com.fniexchange.model.Vin;
import java.util.concurrent.atomic.AtomicLong;

/** Valid, distinct VINs for tests: a serial in the last six positions, the check digit computed. */
public final class TestVins {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 500_000);
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private TestVins() {
    }

    public static String next() {
        String body = "1HGCM826" + "_" + "3A" + "%06d".formatted(SERIAL.incrementAndGet() % 1_000_000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            if (i == 8) {
                continue;
            }
            sum += value(body.charAt(i)) * WEIGHTS[i];
        }
        int r = sum % 11;
        String vin = body.substring(0, 8) + (r == 10 ? 'X' : (char) ('0' + r)) + body.substring(9);
        return new Vin(vin).value();
    }

    private static int value(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        int[] map = {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        return map[c - 'A'];
    }
}
