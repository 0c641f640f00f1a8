package com.fniexchange.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started, appending stdout and stderr to its own log file. It runs in a
 * session of its own ({@code setsid}): Ctrl-C reaches the launcher alone, which stops the parts in
 * reverse order. Stopping it sends SIGTERM to it and everything it started (npx → node, a shell →
 * java), waits for a graceful exit, and kills what is left: nothing it started may outlive the
 * launcher. It is recorded in {@link StartedParts} and {@link LeftRunning} the moment it exists.
 */
final class ChildProcess implements Part {

    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final boolean SETSID = LocalMachine.onPath("setsid");

    private final String name;
    private final Process process;
    private final Path log;
    private final WorkFolder work;

    private ChildProcess(String name, Process process, Path log, WorkFolder work) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.work = work;
    }

    /** Starts {@code command} in {@code directory} with {@code environment} added to the launcher's own. */
    static ChildProcess start(String name, List<String> command, Path directory, Map<String, String> environment, WorkFolder work,
                              StartedParts parts) {
        Path log = work.log(name);
        try {
            // each start appends: the log of a part that failed last time is still there to read
            Files.writeString(log, "==== " + Instant.now() + " started by the local launcher\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            List<String> full = new ArrayList<>();
            if (SETSID) {
                full.add("setsid");
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), log, work);
            LeftRunning.record(work, name, child.process.toHandle());
            parts.add(child);
            return child;
        } catch (IOException e) {
            throw new LaunchFailure(name, "cannot start " + command.get(0) + ": " + e.getMessage(), log);
        }
    }

    @Override
    public String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails naming this part when its process has ended. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new LaunchFailure(name, "exited with status " + process.exitValue(), log);
        }
    }

    /** Waits for the process to end by itself (a one-off command); fails on a non-zero status. */
    void awaitSuccess(Duration within, StartedParts parts) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LaunchFailure(name, "did not finish within " + within.toSeconds() + " s", log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure(name, "interrupted", log);
        }
        parts.remove(this);
        LeftRunning.forget(work, name);
        if (process.exitValue() != 0) {
            throw new LaunchFailure(name, "exited with status " + process.exitValue(), log);
        }
    }

    @Override
    public void stop() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : all) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
        // a grandchild started while we were stopping (rare) is not left behind either
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        LeftRunning.forget(work, name);
    }

    /** The last {@code lines} lines of a log file (empty when it does not exist). */
    static List<String> tail(Path file, int lines) {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - 64 * 1024);
            in.seek(start);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.readFully(bytes);
            Deque<String> last = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return List.copyOf(last);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
