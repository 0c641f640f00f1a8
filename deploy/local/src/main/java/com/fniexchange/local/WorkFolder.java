package com.fniexchange.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where the local platform keeps what must survive a restart: the broker's log, the SFTP keys and
 * the partner's files, Azurite's blobs, the export work files, and every part's log. {@code .local}
 * in the repository (gitignored) unless {@code FNI_LOCAL_HOME} names another folder.
 */
record WorkFolder(Path root) {

    /** The file that says a folder is a launcher's work folder, so {@code --reset} may empty it. */
    private static final String MARKER = ".fni-local-work";

    private static final java.util.Set<String> OURS = java.util.Set.of("kafka", "sftp", "azurite", "export-work", "logs", "pids",
            "platform.properties", "launcher.lock", MARKER);

    /** What {@code --reset} leaves: the marker, and the lock the launcher holds. */
    private static final java.util.Set<String> KEPT = java.util.Set.of(MARKER, "launcher.lock");

    static WorkFolder of(Path repository) {
        String configured = System.getenv("FNI_LOCAL_HOME");
        return new WorkFolder((configured == null || configured.isBlank() ? repository.resolve(".local") : Path.of(configured))
                .toAbsolutePath().normalize());
    }

    Path kafka() {
        return dir("kafka");
    }

    Path sftp() {
        return dir("sftp");
    }

    Path azurite() {
        return dir("azurite");
    }

    Path exports() {
        return dir("export-work");
    }

    Path logs() {
        return dir("logs");
    }

    Path log(String part) {
        return logs().resolve(part + ".log");
    }

    /** Creates the folder (and its marker) when it does not exist; refuses a folder of something else. */
    void prepare() {
        try {
            if (Files.exists(root) && !Files.exists(root.resolve(MARKER)) && !holdsOnlyWhatALauncherWrites()) {
                throw new LaunchFailure("launcher", root + " is not empty and is not a local platform's work folder"
                        + " (no " + MARKER + "): choose another FNI_LOCAL_HOME");
            }
            Files.createDirectories(root);
            if (!Files.exists(root.resolve(MARKER))) {
                Files.writeString(root.resolve(MARKER), "The local platform's work folder (./run-local.sh); --reset empties it.\n");
            }
        } catch (IOException e) {
            throw new LaunchFailure("launcher", "cannot create the work folder " + root + ": " + e.getMessage());
        }
    }

    /** Empty, or only what this launcher writes there (a folder from before the marker existed). */
    private boolean holdsOnlyWhatALauncherWrites() throws IOException {
        try (var entries = Files.list(root)) {
            return entries.allMatch(p -> OURS.contains(p.getFileName().toString()));
        }
    }

    /** Everything gone but the lock this launcher holds: the next part starts as on a first start. */
    void reset() {
        if (!Files.exists(root.resolve(MARKER))) {
            // prepare() has refused any folder that is not ours: nothing was here
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!file.getParent().equals(root) || !KEPT.contains(file.getFileName().toString())) {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (!dir.equals(root)) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LaunchFailure("launcher", "--reset cannot empty " + root + ": " + e.getMessage());
        }
    }

    private Path dir(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new LaunchFailure("launcher", "cannot create " + root.resolve(name) + ": " + e.getMessage());
        }
    }
}
