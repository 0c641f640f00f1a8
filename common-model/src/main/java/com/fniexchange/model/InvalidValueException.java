package com.fniexchange.model;

/**
 * Thrown when a value type is constructed from input that breaks its rules. The message is
 * written for the person who sent the value (a dealer's integration engineer): it says what is
 * wrong and, where it helps, what was expected. It never contains anything but the offending
 * value itself.
 */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}
