package com.fniexchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VinTest {

    @ParameterizedTest
    @ValueSource(strings = {"1HGCM82633A004352", "1M8GDM9AXKP042788", "11111111111111111"})
    void acceptsVinsWithCorrectCheckDigit(String vin) {
        assertThat(new Vin(vin).value()).isEqualTo(vin);
    }

    @Test
    void normalisesCaseAndWhitespace() {
        assertThat(Vin.of(" 1hgcm82633a004352 ").value()).isEqualTo("1HGCM82633A004352");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1HGCM82633A00435|VIN must have 17 characters, got 16",
            "1HGCM82633A0043521|VIN must have 17 characters, got 18",
            "1HGCM82633A00435O|VIN character 'O' at position 17 is not allowed",
            "IHGCM82633A004352|VIN character 'I' at position 1 is not allowed",
            "1HGCM82633Q004352|VIN character 'Q' at position 11 is not allowed",
            "1HGCM82643A004352|VIN check digit (position 9) is '4' but the other characters give '3'",
    })
    void refusesBadVinsWithAReason(String vin, String reason) {
        assertThatThrownBy(() -> new Vin(vin))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void refusesBlank() {
        assertThatThrownBy(() -> new Vin("  ")).hasMessage("VIN is required");
        assertThatThrownBy(() -> new Vin(null)).hasMessage("VIN is required");
    }

    @Test
    void lastEightIsTheSerialPart() {
        assertThat(new Vin("1HGCM82633A004352").lastEight()).isEqualTo("3A004352");
    }

    @Test
    void theCheckDigitIsWhatTheOtherSixteenCharactersGiveWhateverStandsInPositionNine() {
        assertThat(Vin.checkDigit("1HGCM82633A004352")).isEqualTo('3');
        assertThat(Vin.checkDigit("1HGCM826_3A004352")).isEqualTo('3');
        assertThat(Vin.checkDigit("1M8GDM9A0KP042788")).isEqualTo('X');
        assertThatThrownBy(() -> Vin.checkDigit("1HGCM826")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Vin.checkDigit("1HGCM8263IA004352")).hasMessageContaining("'I' at position 10");
    }
}
