package com.fniexchange.export.support;

import com.fniexchange.export.job.ExportFaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Faults armed per partner by a test: a crash before the Nth chunk, a trailer rewritten. */
public class TestFaults implements ExportFaults {

    private final Map<String, Integer> failBeforeChunk = new ConcurrentHashMap<>();
    private final Map<String, UnaryOperator<String>> trailerRewrites = new ConcurrentHashMap<>();

    public void failBeforeChunk(String partnerId, int chunk) {
        failBeforeChunk.put(partnerId, chunk);
    }

    public void rewriteTrailer(String partnerId, UnaryOperator<String> rewrite) {
        trailerRewrites.put(partnerId, rewrite);
    }

    public void clear(String partnerId) {
        failBeforeChunk.remove(partnerId);
        trailerRewrites.remove(partnerId);
    }

    @Override
    public void beforeChunk(String partnerId, int chunk) {
        Integer failAt = failBeforeChunk.get(partnerId);
        if (failAt != null && chunk >= failAt) {
            throw new IllegalStateException("injected failure before chunk " + chunk);
        }
    }

    @Override
    public void extracted(String partnerId, Path plainFile) throws IOException {
        UnaryOperator<String> rewrite = trailerRewrites.get(partnerId);
        if (rewrite != null) {
            List<String> lines = Files.readAllLines(plainFile, StandardCharsets.UTF_8);
            lines.set(lines.size() - 1, rewrite.apply(lines.get(lines.size() - 1)));
            Files.writeString(plainFile, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
    }
}
