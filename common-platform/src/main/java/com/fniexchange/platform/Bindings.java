package com.fniexchange.platform;

/** How the platform names Spring Cloud Stream bindings, in one place for the defaults, the relay and dead letters. */
public final class Bindings {

    private Bindings() {
    }

    /** The output binding the relay (or a dead letter) sends a destination's events through. */
    public static String outputOf(String destination) {
        return destination + "-out-0";
    }
}
