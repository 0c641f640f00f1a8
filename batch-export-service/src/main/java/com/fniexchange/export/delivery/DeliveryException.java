package com.fniexchange.export.delivery;

/** A delivery that did not happen, with what to look at in the message (never a credential). */
public class DeliveryException extends RuntimeException {
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public DeliveryException(String message) {
        super(message);
    }
}
