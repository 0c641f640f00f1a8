package com.fniexchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.regex.Pattern;

/** The provider-assigned code of a selling dealership: 3 to 12 capital letters or digits. */
public record DealerCode(String value) implements TextValue {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{3,12}");

    public DealerCode {
        value = TextValue.normalized(value, "dealer code", SHAPE, "must be 3 to 12 letters or digits");
    }

    @JsonCreator
    public static DealerCode of(String value) {
        return new DealerCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
