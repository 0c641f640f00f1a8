package com.fniexchange.local;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** Everything gone: the next start is a first start. */
    void reset() {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + root, e);
        }
    }

    private Path dir(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root.resolve(name), e);
        }
    }
}
