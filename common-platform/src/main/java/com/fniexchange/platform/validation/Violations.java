package com.fniexchange.platform.validation;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Adds violations whose message is literal text. Bean Validation treats a message as a template
 * ({@code {param}}, {@code ${expression}}); messages built from user input (a VIN, a date) must
 * be escaped, or a brace in the input would be interpolated.
 */
public final class Violations {

    private Violations() {
    }

    /** Replaces the default violation with one carrying this literal message. */
    public static void replaceWith(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
    }

    /** Adds a violation of one property of a class-level constraint, with a literal message. */
    public static void addFor(ConstraintValidatorContext context, String property, String message) {
        context.buildConstraintViolationWithTemplate(literal(message)).addPropertyNode(property).addConstraintViolation();
    }

    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
