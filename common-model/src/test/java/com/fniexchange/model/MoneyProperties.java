package com.fniexchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class MoneyProperties {

    @Property
    void alwaysHasScaleTwo(@ForAll @BigRange(min = "-9999999999.99", max = "9999999999.99") @Scale(2) BigDecimal amount) {
        assertThat(Money.of(amount).amount().scale()).isEqualTo(2);
    }

    @Property
    void plusThenMinusIsIdentity(@ForAll @BigRange(min = "-1000000", max = "1000000") @Scale(2) BigDecimal a,
                                 @ForAll @BigRange(min = "-1000000", max = "1000000") @Scale(2) BigDecimal b) {
        Money x = Money.of(a);
        Money y = Money.of(b);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
    }

    @Property
    void timesRoundsToTheNearestCent(@ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal a,
                                     @ForAll @BigRange(min = "0", max = "1") @Scale(6) BigDecimal factor) {
        BigDecimal exact = a.multiply(factor);
        BigDecimal rounded = Money.of(a).times(factor).amount();
        assertThat(rounded.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    @Example
    void refusesMoreThanTwoDecimals() {
        assertThatThrownBy(() -> Money.of("10.005"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("amount 10.005 has more than two decimals");
    }

    @Example
    void acceptsTrailingZerosBeyondTheCent() {
        assertThat(Money.of("10.500").toString()).isEqualTo("10.50");
        assertThat(Money.of("100")).isEqualTo(Money.of("100.00"));
    }

    @Example
    void refusesAmountsBeyondNumeric12_2() {
        assertThatThrownBy(() -> Money.of("10000000000.00")).hasMessageContaining("too large");
    }

    @Example
    void refusesNonNumbers() {
        assertThatThrownBy(() -> Money.of("12,50")).hasMessage("'12,50' is not a decimal amount");
    }
}
