package com.fniexchange.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fniexchange.model.InvalidValueException;
import com.fniexchange.model.Vin;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request field that must be a valid {@link Vin}; the error names the exact problem (length,
 * forbidden letter and position, or check digit). Null is left to {@code @NotNull}.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = ValidVin.Validator.class)
public @interface ValidVin {

    String message() default "is not a valid VIN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidVin, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                new Vin(value);
                return true;
            } catch (InvalidValueException e) {
                Violations.replaceWith(context, e.getMessage());
                return false;
            }
        }
    }
}
