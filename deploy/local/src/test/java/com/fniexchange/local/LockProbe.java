package com.fniexchange.local;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Run as a process of its own by LaunchChecksTest: exits 3 when another process holds the lock on the file, 0 when it could take it. */
public final class LockProbe {

    private LockProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.exit(lock == null ? 3 : 0);
        }
    }
}
