package com.fniexchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContractNumberTest {

    private final Vin vin = new Vin("1HGCM82633A004352");

    @Test
    void firstIssueIsPrefixPlusLastEightOfVin() {
        assertThat(ContractNumber.issue("VSC", vin, 1).value()).isEqualTo("VSC3A004352");
    }

    @Test
    void laterIssuesCarryASuffix() {
        assertThat(ContractNumber.issue("GAP", vin, 2).value()).isEqualTo("GAP3A004352-02");
    }

    @Test
    void refusesOtherShapes() {
        assertThatThrownBy(() -> ContractNumber.of("V3A004352")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("got 'V3A004352'");
        assertThatThrownBy(() -> ContractNumber.issue("VSC", vin, 100)).hasMessageContaining("1 to 99");
    }

    @Test
    void dealerAndProductCodesNormaliseAndValidate() {
        assertThat(DealerCode.of(" d1001 ").value()).isEqualTo("D1001");
        assertThatThrownBy(() -> DealerCode.of("D-1")).hasMessageContaining("3 to 12 letters or digits");
        assertThat(ProductCode.of("tire_wheel").value()).isEqualTo("TIRE_WHEEL");
        assertThatThrownBy(() -> ProductCode.of("1X")).hasMessageContaining("starting with a letter");
    }
}
