package com.fniexchange.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository these tests check, found from the module's folder (Maven runs tests there). */
final class Repository {

    static final Path ROOT = find();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /** The project's version, as the images are tagged with it. */
    static String version() {
        return firstGroup(read("pom.xml"), "<artifactId>fni-exchange</artifactId>\\s*<version>([^<]+)</version>", "pom.xml's version");
    }

    static String firstGroup(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("cannot find " + what);
        }
        return m.group(1);
    }

    private static Path find() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docker-compose.yml")) && Files.exists(p.resolve("deploy/jvm/service.options"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the fni-exchange repository: " + here);
    }
}
