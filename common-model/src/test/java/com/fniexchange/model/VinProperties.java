package com.fniexchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The check digit catches every single-character error that changes the character's value. */
class VinProperties {

    private static final String ALLOWED = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    @Property
    void aVinWithItsCheckDigitIsValid(@ForAll("vins") String vin) {
        assertThat(new Vin(vin).value()).isEqualTo(vin);
        assertThat(new Vin(" " + vin.toLowerCase(Locale.ROOT) + " ")).as("as typed, lower case and padded")
                .isEqualTo(new Vin(vin));
    }

    @Property
    void changingOneCharacterToOneOfAnotherValueIsCaught(@ForAll("vins") String vin,
                                                          @ForAll @IntRange(min = 0, max = 16) int position,
                                                          @ForAll @IntRange(min = 0, max = 32) int replacement) {
        Assume.that(position != 8);
        char original = vin.charAt(position);
        char changed = ALLOWED.charAt(replacement);
        Assume.that(value(original) != value(changed));
        String broken = vin.substring(0, position) + changed + vin.substring(position + 1);
        assertThatThrownBy(() -> new Vin(broken)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check digit");
    }

    @Provide
    Arbitrary<String> vins() {
        Arbitrary<Character> c = Arbitraries.of(ALLOWED.chars().mapToObj(i -> (char) i).toArray(Character[]::new));
        return c.list().ofSize(16).map(chars -> {
            StringBuilder body = new StringBuilder();
            chars.forEach(body::append);
            body.insert(8, '0');
            int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += value(body.charAt(i)) * weights[i];
            }
            int r = sum % 11;
            body.setCharAt(8, r == 10 ? 'X' : (char) ('0' + r));
            return body.toString();
        });
    }

    private static int value(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        return "12345678_12345_7_923456789".charAt(c - 'A') - '0';
    }

}
