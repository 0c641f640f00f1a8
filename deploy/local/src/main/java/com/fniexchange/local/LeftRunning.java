package com.fniexchange.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes a launcher started, one file each under {@code <work folder>/pids}, removed when
 * the launcher stops them. A launcher killed with SIGKILL (or a closed laptop lid's crash) cannot
 * stop its parts, which run in sessions of their own; the next start finds their files and stops
 * what is still running, so a killed launcher never leaves a port held for good.
 */
final class LeftRunning {

    private LeftRunning() {
    }

    private static Path dir(WorkFolder work) throws IOException {
        return Files.createDirectories(work.root().resolve("pids"));
    }

    static void record(WorkFolder work, String name, ProcessHandle process) {
        try {
            Files.writeString(dir(work).resolve(name + ".pid"),
                    process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("-") + "\n");
        } catch (IOException e) {
            System.err.println("  cannot record the pid of " + name + ": " + e.getMessage());
        }
    }

    static void forget(WorkFolder work, String name) {
        try {
            Files.deleteIfExists(dir(work).resolve(name + ".pid"));
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** Stops every recorded process that still runs (the same pid and start time: never a stranger that reused the pid). */
    static void stopAll(WorkFolder work) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir(work), "*.pid")) {
            for (Path file : files) {
                try {
                    stopIfLeft(file);
                } catch (IOException | RuntimeException e) {
                    System.err.println("  cannot check " + file.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("  cannot look for parts an earlier launcher left running: " + e.getMessage());
        }
    }

    private static void stopIfLeft(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
        String[] fields = Files.readString(file).trim().split(" ");
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]))
                .filter(p -> p.info().startInstant().map(Instant::toString).orElse("-").equals(fields.length > 1 ? fields[1] : ""));
        if (process.isPresent() && process.get().isAlive()) {
            System.out.println("  stopping " + name + " (pid " + fields[0] + "), left running by a launcher that was killed");
            ProcessHandle p = process.get();
            java.util.List<ProcessHandle> tree = new java.util.ArrayList<>(p.descendants().toList());
            tree.add(p);
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle h : tree) {
                try {
                    h.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception stillThere) {
                    h.destroyForcibly();
                }
            }
        }
        Files.deleteIfExists(file);
    }
}
