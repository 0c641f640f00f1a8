package com.fniexchange.local;

import java.nio.file.Path;

/** Something the launcher started and must stop: a process or a server in its own JVM. */
interface Part {

    String name();

    /** One line for the banner: where it answers. */
    String where();

    /** Its log file, or null when it logs to the launcher's own output. */
    Path log();

    /** Stops it and waits until it has stopped; never throws. */
    void stop();
}
