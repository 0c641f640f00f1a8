package com.fniexchange.local;

/** Something the launcher started and must stop: a process or a server in its own JVM. */
interface Part {

    String name();

    /** Stops it and waits until it has stopped; never throws. */
    void stop();
}
