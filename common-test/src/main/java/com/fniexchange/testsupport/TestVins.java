package com.fniexchange.testsupport;

import com.fniexchange.model.Vin;
import java.util.concurrent.atomic.AtomicLong;

/** Valid, distinct VINs for tests: a serial in the last six positions, the check digit computed. */
public final class TestVins {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 500_000);

    private TestVins() {
    }

    public static String next() {
        String body = "1HGCM826" + "0" + "3A" + "%06d".formatted(SERIAL.incrementAndGet() % 1_000_000);
        return new Vin(body.substring(0, 8) + Vin.checkDigit(body) + body.substring(9)).value();
    }
}
