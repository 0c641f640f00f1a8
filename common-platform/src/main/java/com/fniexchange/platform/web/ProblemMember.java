package com.fniexchange.platform.web;

/**
 * An extension member a service adds to some of its problems (for example
 * {@code existingContractNumber} on a duplicate). Declare it as a bean and the OpenAPI
 * {@code Problem} schema documents it beside the platform's own members; a problem member that
 * is not documented fails the service's OpenAPI traffic test.
 *
 * @param name        the JSON member name
 * @param type        its JSON Schema type: {@code string}, {@code number} or {@code integer}
 * @param format      its format ({@code date}, {@code date-time}...), or null
 * @param description when it is present and what it holds
 * @param example     an example value
 */
public record ProblemMember(String name, String type, String format, String description, Object example) {

    /** A string member. */
    public static ProblemMember text(String name, String description, String example) {
        return new ProblemMember(name, "string", null, description, example);
    }

    /** A string member with a format, such as {@code date} or {@code date-time}. */
    public static ProblemMember text(String name, String format, String description, String example) {
        return new ProblemMember(name, "string", format, description, example);
    }

    /** A whole-number member, such as an identifier the database assigns. */
    public static ProblemMember integer(String name, String description, long example) {
        return new ProblemMember(name, "integer", "int64", description, example);
    }

    /** A decimal member, such as an amount of money. */
    public static ProblemMember decimal(String name, String description, java.math.BigDecimal example) {
        return new ProblemMember(name, "number", null, description, example);
    }
}
