package com.fniexchange.examples.subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The {@code ce_id}s already delivered, kept in memory and in an append-only file
 * ({@code seen-event-ids.txt}, one id per line) so that they survive a restart.
 *
 * <p>Bounded: only the newest {@code capacity} ids are remembered. The file is rewritten with
 * those alone once it has grown to twice that many lines, so it never holds more than
 * {@code 2 * capacity} lines. A redelivery reaches back at most one uncommitted batch, far fewer
 * events than the bound; an event seen longer ago than that would be delivered again.
 *
 * <p>A lock file keeps a second subscriber from using the same state dir at the same time.
 */
final class SeenEventIds implements AutoCloseable {

    static final String FILE_NAME = "seen-event-ids.txt";

    private final Path file;
    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel appender;
    private long linesInFile;

    /**
     * Loads the ids kept in {@code stateDir}, creating it when missing.
     *
     * @throws IllegalStateException when another subscriber holds the state dir
     */
    SeenEventIds(Path stateDir, int capacity) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        Files.createDirectories(stateDir);
        this.file = stateDir.resolve(FILE_NAME);
        this.lockChannel = FileChannel.open(stateDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.lock = tryLock(lockChannel, stateDir);
        try {
            load();
            openAppender();
            compactIfLong();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether {@code id} was delivered before (among the newest {@code capacity}). */
    boolean contains(String id) {
        return ids.contains(id);
    }

    /** Whether {@code id} can be remembered: present, and one line of the file. */
    static boolean canRemember(String id) {
        return id != null && !id.isEmpty() && id.indexOf('\n') < 0 && id.indexOf('\r') < 0;
    }

    /** Remembers {@code id} in memory only; {@link #persist} writes it. */
    void add(String id) {
        ids.add(id);
        if (ids.size() > capacity) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Appends {@code newIds} to the file and forces them to disk, so a commit after this is safe. */
    void persist(Collection<String> newIds) throws IOException {
        if (newIds.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        newIds.forEach(id -> lines.append(id).append('\n'));
        write(appender, lines.toString());
        appender.force(false);
        linesInFile += newIds.size();
        compactIfLong();
    }

    /** How many ids are remembered (at most the capacity). */
    int size() {
        return ids.size();
    }

    @Override
    public void close() throws IOException {
        try {
            if (appender != null) {
                appender.close();
            }
        } finally {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    private void load() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        // lenient decoding: a crash in the middle of an append may have cut the last line anywhere
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            if (!line.isEmpty()) {
                add(line);
            }
        }
        linesInFile = lines.length;
    }

    private void openAppender() throws IOException {
        appender = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        // a crash in the middle of an append leaves a line without its end: close it, or the next id would join it
        if (appender.size() > 0 && lastByte() != '\n') {
            write(appender, "\n");
            appender.force(false);
        }
    }

    private byte lastByte() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            reader.read(last, reader.size() - 1);
        }
        return last.get(0);
    }

    /** Rewrites the file with the remembered ids alone; written beside it, then moved over it, so a crash leaves one or the other. */
    private void compactIfLong() throws IOException {
        if (linesInFile < 2L * capacity) {
            return;
        }
        Path fresh = file.resolveSibling(FILE_NAME + ".new");
        try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, String.join("\n", ids) + (ids.isEmpty() ? "" : "\n"));
            out.force(false);
        }
        appender.close();
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        linesInFile = ids.size();
        appender = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static void write(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static FileLock tryLock(FileChannel channel, Path stateDir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;      // held by this JVM
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another subscriber is using the state dir " + stateDir);
        }
        return lock;
    }
}
