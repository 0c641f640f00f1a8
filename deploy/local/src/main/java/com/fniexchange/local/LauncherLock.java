package com.fniexchange.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher per work folder: a lock on {@code launcher.lock} held while it runs (the operating
 * system frees it when the launcher dies, however it dies). A second launcher on the same folder
 * is told so instead of stopping the first one's parts or emptying its data.
 */
final class LauncherLock {

    /** Held here for the JVM's life: a lock whose channel is collected is released. */
    private static FileLock held;

    private LauncherLock() {
    }

    /** Takes the lock for the life of this JVM, or fails naming the launcher that holds it. */
    static synchronized void take(WorkFolder work) {
        Path file = work.root().resolve("launcher.lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                String holder = Files.readString(file).trim();
                throw new LaunchFailure("launcher", "another launcher runs on " + work.root()
                        + (holder.isEmpty() ? "" : " (pid " + holder + ")") + ". Drive it with ./run-local.sh demo once its"
                        + " banner is up, or stop it (Ctrl-C) first; FNI_LOCAL_HOME gives a second platform a folder of its own"
                        + " (and it needs other ports, so one at a time is the rule).");
            }
            held = lock;
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            // the channel stays open (and locked) until the JVM exits
        } catch (IOException e) {
            throw new LaunchFailure("launcher", "cannot lock " + file + ": " + e.getMessage());
        }
    }

    /** The lock, or null when another process holds it (or this JVM, through another channel). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return null;
        }
    }

    /** True when a launcher holds the folder's lock right now (this JVM's own counts too). */
    static boolean held(WorkFolder work) {
        Path file = work.root().resolve("launcher.lock");
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
