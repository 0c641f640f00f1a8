package com.fniexchange.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.Vin;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValueTest {

    @Test
    void aValidValueBecomesItsType() {
        assertThat(RequestValue.of("vin", "1HGCM82633A004352", Vin::of)).isEqualTo(Vin.of("1HGCM82633A004352"));
    }

    @Test
    void aRefusedValueIsA400NamingTheFieldWithTheTypesReason() {
        assertThatThrownBy(() -> RequestValue.of("lines[2].vin", "1HGCM82633A004353", Vin::of))
                .isInstanceOfSatisfying(ProblemException.InvalidFields.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    @SuppressWarnings("unchecked")
                    List<InvalidField> errors = (List<InvalidField>) e.toProblemDetail().getProperties().get("errors");
                    assertThat(errors).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("lines[2].vin");
                        assertThat(f.message()).containsIgnoringCase("check digit");
                    });
                });
    }

    @Test
    void anythingButTheTypesRefusalIsNotTurnedIntoA400() {
        assertThatThrownBy(() -> RequestValue.of("x", "y", text -> {
            throw new IllegalStateException("a bug, not a bad request");
        })).isInstanceOf(IllegalStateException.class);
    }
}
