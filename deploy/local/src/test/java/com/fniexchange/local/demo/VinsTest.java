package com.fniexchange.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.Vin;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VinsTest {

    @Test
    void theCheckDigitIsTheOneCommonModelExpects() {
        // the platform's own example VIN (README, OpenAPI examples)
        assertThat(Vin.checkDigit("1HGCM82633A004352")).isEqualTo('3');
        // remainder 10 is written X
        assertThat(Vin.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
    }

    @Test
    void newVinsCarryTheirCheckDigitAndModelYear() {
        Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            String vin = Vins.next("1HGCV1F3", 2024, 'A', random);
            assertThat(vin).hasSize(17).doesNotContain("I", "O", "Q").startsWith("1HGCV1F3");
            assertThat(vin.charAt(8)).isEqualTo(Vin.checkDigit(vin));
            assertThat(vin.charAt(9)).isEqualTo('R');
        }
        assertThat(Vins.next("4T1B11HK", 2026, 'A', random).charAt(9)).isEqualTo('T');
    }
}
