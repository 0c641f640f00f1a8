package com.fniexchange.contract.rating;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fniexchange.contract.ContractProperties;
import com.fniexchange.platform.calendar.BusinessCalendar;
import com.fniexchange.platform.validation.Violations;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The date rules of a sale, reported field by field together with every other bad field: the
 * sale date not in the future and within the sale window (business zone), the vehicle in
 * service no later than the sale, the model year no later than the sale year plus one.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = SaleDates.Validator.class)
public @interface SaleDates {

    String message() default "sale dates are inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SaleDates, VehicleSale> {

        private final BusinessCalendar calendar;
        private final ContractProperties properties;

        Validator(BusinessCalendar calendar, ContractProperties properties) {
            this.calendar = calendar;
            this.properties = properties;
        }

        @Override
        public boolean isValid(VehicleSale sale, ConstraintValidatorContext context) {
            if (sale == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            LocalDate today = calendar.today();
            LocalDate sold = sale.saleDate();
            if (sold != null) {
                if (sold.isAfter(today)) {
                    valid = violation(context, "saleDate", "must not be in the future (today is " + today + " in " + calendar.zone() + ")");
                } else if (sold.isBefore(today.minusDays(properties.saleWindowDays()))) {
                    valid = violation(context, "saleDate", "is more than " + properties.saleWindowDays()
                            + " days ago; sales older than that cannot be contracted");
                }
                if (sale.vehicleInServiceDate() != null && sale.vehicleInServiceDate().isAfter(sold)) {
                    valid = violation(context, "vehicleInServiceDate", "must not be after the sale date " + sold);
                }
                if (sale.modelYear() != null && sale.modelYear() > sold.getYear() + 1) {
                    valid = violation(context, "modelYear", "must not be later than " + (sold.getYear() + 1) + " for a sale in " + sold.getYear());
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            Violations.addFor(context, field, message);
            return false;
        }
    }
}
