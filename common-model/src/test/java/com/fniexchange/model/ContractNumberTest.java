package com.fniexchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractNumberTest {

    private final Vin vin = new Vin("1HGCM82633A004352");

    @Test
    void firstIssueIsPrefixPlusLastEightOfVin() {
        assertThat(ContractNumber.base("VSC", vin)).isEqualTo("VSC3A004352");
        assertThat(ContractNumber.issue("VSC3A004352", 1).value()).isEqualTo("VSC3A004352");
        assertThat(ContractNumber.of("VSC3A004352").issue()).isEqualTo(1);
    }

    @Test
    void laterIssuesCarryASuffixOfAtLeastTwoDigitsAndNeverRunOut() {
        assertThat(ContractNumber.issue("GAP3A004352", 2).value()).isEqualTo("GAP3A004352-02");
        assertThat(ContractNumber.issue("GAP3A004352", 99).value()).isEqualTo("GAP3A004352-99");
        assertThat(ContractNumber.issue("GAP3A004352", 100).value()).isEqualTo("GAP3A004352-100");
        assertThat(ContractNumber.issue("GAP3A004352", 12345).issue()).isEqualTo(12345);
        assertThat(ContractNumber.of("gap3a004352-100").issue()).isEqualTo(100);
    }

    @Test
    void refusesOtherShapes() {
        assertThatThrownBy(() -> ContractNumber.of("V3A004352")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("got 'V3A004352'");
        // one digit, a leading zero above 9, and -01 (the first issue has no suffix) are not numbers we issue
        for (String bad : new String[] {"VSC3A004352-2", "VSC3A004352-01", "VSC3A004352-00", "VSC3A004352-0100"}) {
            assertThatThrownBy(() -> ContractNumber.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> ContractNumber.issue("VSC3A004352", 0)).hasMessageContaining("1 or more");
    }

    @Test
    void dealerAndProductCodesNormaliseAndValidate() {
        assertThat(DealerCode.of(" d1001 ").value()).isEqualTo("D1001");
        assertThatThrownBy(() -> DealerCode.of("D-1")).hasMessageContaining("3 to 12 letters or digits");
        assertThat(ProductCode.of("tire_wheel").value()).isEqualTo("TIRE_WHEEL");
        assertThatThrownBy(() -> ProductCode.of("1X")).hasMessageContaining("starting with a letter");
    }
}
