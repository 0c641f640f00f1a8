package com.fniexchange.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's checkout is, for tests that read files outside their module (deploy/, .ci/). */
public final class SourceTree {

    private SourceTree() {
    }

    /** The nearest directory above the working directory holding {@code .ci/run}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".ci/run"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no .ci/run above " + Path.of("").toAbsolutePath() + ": not inside the repository");
    }
}
