package com.fniexchange.platform.web;

/**
 * One bad field of a request, as listed in a validation problem's {@code errors}.
 *
 * @param field   JSON path of the field, e.g. {@code customer.state} or {@code contractNumbers[2]}
 * @param message why it was refused, for the person fixing the request
 */
public record InvalidField(String field, String message) {
}
