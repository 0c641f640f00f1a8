package com.fniexchange.local;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the launcher asks of this machine: is a port taken, is a program installed, which Java runs it. */
final class LocalMachine {

    private LocalMachine() {
    }

    /** Something accepts connections on the port (a part of ours, or a stranger holding it). */
    static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The java this launcher runs on: the broker runs on the same one. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits until {@code done} holds, checking every 300 ms; {@code stillGoing} runs before each
     * check (it throws when the part being waited for has died). False when time ran out.
     */
    static boolean await(Duration within, Runnable stillGoing, BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            stillGoing.run();
            if (done.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchFailure("launcher", "interrupted");
            }
        }
    }
}
