package com.fniexchange.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenEventIdsTest {

    @TempDir
    Path stateDir;

    @Test
    void persistedIdsSurviveAReopenAndOthersDoNot() throws Exception {
        try (SeenEventIds ids = new SeenEventIds(stateDir, 10)) {
            ids.add("id-1");
            ids.add("id-2");
            ids.persist(List.of("id-1", "id-2"));
            ids.add("id-3");    // taken but never persisted, as when the process dies before the write
        }

        try (SeenEventIds ids = new SeenEventIds(stateDir, 10)) {
            assertThat(ids.contains("id-1")).isTrue();
            assertThat(ids.contains("id-2")).isTrue();
            assertThat(ids.contains("id-3")).isFalse();
        }
    }

    @Test
    void keepsTheNewestIdsAndTheFileStaysBounded() throws Exception {
        try (SeenEventIds ids = new SeenEventIds(stateDir, 3)) {
            for (int i = 1; i <= 10; i++) {
                ids.add("id-" + i);
                ids.persist(List.of("id-" + i));
                assertThat(lines()).as("file after id-%d", i).hasSizeLessThanOrEqualTo(6);
            }
            assertThat(ids.size()).isEqualTo(3);
            assertThat(ids.contains("id-7")).isFalse();
            assertThat(ids.contains("id-8")).isTrue();
        }

        try (SeenEventIds ids = new SeenEventIds(stateDir, 3)) {
            assertThat(ids.size()).isEqualTo(3);
            assertThat(List.of("id-8", "id-9", "id-10")).allMatch(ids::contains);
            assertThat(ids.contains("id-7")).isFalse();
        }
    }

    @Test
    void aLineCutByACrashDoesNotSwallowTheNextId() throws Exception {
        Files.writeString(stateDir.resolve(SeenEventIds.FILE_NAME), "id-1\nid-2-cut", StandardCharsets.UTF_8);

        try (SeenEventIds ids = new SeenEventIds(stateDir, 10)) {
            ids.add("id-3");
            ids.persist(List.of("id-3"));
        }

        try (SeenEventIds ids = new SeenEventIds(stateDir, 10)) {
            assertThat(ids.contains("id-1")).isTrue();
            assertThat(ids.contains("id-3")).isTrue();
        }
    }

    @Test
    void oneSubscriberAtATimePerStateDir() throws Exception {
        try (SeenEventIds ignored = new SeenEventIds(stateDir, 10)) {
            assertThatThrownBy(() -> new SeenEventIds(stateDir, 10))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(stateDir.toString());
        }
        new SeenEventIds(stateDir, 10).close();     // free again once the first closed
    }

    @Test
    void onlyIdsThatFitOnOneLineAreRemembered() {
        assertThat(SeenEventIds.canRemember("0d3c7e4e-5a8f-4c1e-9b7a-2f1d6c8e9a01")).isTrue();
        assertThat(SeenEventIds.canRemember(null)).isFalse();
        assertThat(SeenEventIds.canRemember("")).isFalse();
        assertThat(SeenEventIds.canRemember("a\nb")).isFalse();
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(stateDir.resolve(SeenEventIds.FILE_NAME), StandardCharsets.UTF_8);
    }
}
