package com.fniexchange.testsupport;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The committed copy of a service's OpenAPI document, {@code docs/openapi/<service>.json}: pretty
 * printed with keys sorted, so an API change shows up in review as a readable diff.
 * {@link #assertUpToDate} fails when the code's document differs from the file; run the test with
 * {@code -Dfni.openapi.write=true} to rewrite the file instead.
 */
public final class OpenApiDocumentFile {

    /** System property that makes {@link #assertUpToDate} rewrite the file instead of failing. */
    public static final String WRITE = "fni.openapi.write";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocumentFile() {
    }

    /**
     * Compares the document with {@code docs/openapi/<service>.json} of the repository (found by
     * walking up from the working directory to the directory holding {@code mvnw}).
     *
     * @throws AssertionError when they differ (or the file is missing), saying how to update it
     */
    public static void assertUpToDate(String service, String document) {
        assertUpToDate(service, document, StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName());
    }

    /** {@link #assertUpToDate(String, String)}, naming this test in the command that regenerates the file. */
    public static void assertUpToDate(String service, String document, String test) {
        Path file = repositoryRoot().resolve("docs/openapi/" + service + ".json");
        String expected = canonical(document);
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                return;
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            if (!expected.equals(committed)) {
                throw new AssertionError((committed == null ? file + " is missing" : file + " differs from the document the code produces")
                        + (committed == null ? "" : ", first at line " + firstDifference(committed, expected))
                        + ".\nIf the API change is intended, regenerate it and commit the file:\n"
                        + "  ./mvnw -o -pl " + service + " -am verify -D" + WRITE + "=true "
                        + "-Dtest=" + test + " -Dsurefire.failIfNoSpecifiedTests=false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document pretty-printed with every object's keys sorted, LF line ends, trailing newline. */
    public static String canonical(String document) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).writeValueAsString(sorted(JSON.readTree(document))) + "\n";
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static int firstDifference(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        int i = 0;
        while (i < left.length && i < right.length && left[i].equals(right[i])) {
            i++;
        }
        return i + 1;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath() + "; run from the repository");
    }
}
