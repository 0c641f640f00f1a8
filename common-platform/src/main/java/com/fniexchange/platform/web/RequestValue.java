package com.fniexchange.platform.web;

import com.fniexchange.model.InvalidValueException;
import java.util.List;
import java.util.function.Function;

/**
 * Text a request carried (a path or query parameter, a body field), turned into its value type
 * ({@code Vin}, {@code ContractNumber}, {@code DealerCode}...). What the type refuses is a 400
 * naming the field with the type's own reason, before the value reaches SQL or a rule.
 */
public final class RequestValue {

    private RequestValue() {
    }

    /**
     * @param field the field's name as the client sent it ({@code vin}, {@code contractNumbers[2]})
     * @param text  what the client sent
     * @param type  the value type's factory, throwing {@link InvalidValueException} for a bad value
     * @throws ProblemException.InvalidFields naming {@code field} when the type refuses the text
     */
    public static <T> T of(String field, String text, Function<String, ? extends T> type) {
        try {
            return type.apply(text);
        } catch (InvalidValueException e) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField(field, e.getMessage())));
        }
    }
}
