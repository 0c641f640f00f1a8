package com.fniexchange.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees when a part cannot start: a sentence naming it and what to do, and nothing left running. */
class LaunchChecksTest {

    @TempDir
    Path home;

    @Test
    void noPostgresqlSaysWhatToInstallAndHowToPointAtOne() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        // a password can come in the URL as well as in FNI_DB_PASSWORD: neither may be printed
        Postgres postgres = new Postgres(Map.of("FNI_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/fni?password=never-printed-456",
                "FNI_DB_PASSWORD", "never-printed-123"));
        assertThat(postgres.printableUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + closed + "/fni?...");
        assertThatThrownBy(() -> postgres.prepare(false))
                .isInstanceOf(LaunchFailure.class)
                .hasMessageContaining("PostgreSQL does not answer at 127.0.0.1:" + closed)
                .hasMessageContaining("FNI_DB_URL=jdbc:postgresql://host:5432/fni")
                .hasMessageContaining("apt install postgresql")
                .hasMessageNotContaining("never-printed-123")
                .hasMessageNotContaining("never-printed-456")
                .hasMessageNotContaining("\tat ");
    }

    @Test
    void aMalformedDatabaseUrlIsNamed() {
        assertThatThrownBy(() -> new Postgres(Map.of("FNI_DB_URL", "postgres://localhost/fni")).prepare(false))
                .isInstanceOf(LaunchFailure.class).hasMessageContaining("FNI_DB_URL must look like jdbc:postgresql://");
    }

    @Test
    void aPortInUseIsNamedBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalPlatform.requireFree(List.of(taken.getLocalPort())))
                    .isInstanceOf(LaunchFailure.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aSecondLauncherOnTheSameWorkFolderIsToldInsteadOfStoppingTheFirst() {
        WorkFolder work = new WorkFolder(home.resolve("w"));
        work.prepare();
        assertThat(LauncherLock.held(work)).isFalse();
        LauncherLock.take(work);
        assertThat(LauncherLock.held(work)).isTrue();
        assertThatThrownBy(() -> LauncherLock.take(work))
                .isInstanceOf(LaunchFailure.class)
                .hasMessageContaining("another launcher runs on " + work.root())
                .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }

    @Test
    void theLockHoldsAgainstAnotherProcessForTheLauncherLife() throws Exception {
        WorkFolder work = new WorkFolder(home.resolve("w2"));
        work.prepare();
        LauncherLock.take(work);
        // a lock whose channel nobody references would be released when it is collected
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Process probe = new ProcessBuilder(LocalMachine.java(), "-cp", System.getProperty("java.class.path"),
                LockProbe.class.getName(), work.root().resolve("launcher.lock").toString()).inheritIO().start();
        assertThat(probe.waitFor()).as("another process must find the folder locked").isEqualTo(3);
    }

    @Test
    void resetRefusesAFolderThatIsNotALauncherWorkFolder() throws IOException {
        Path someonesFolder = Files.createDirectories(home.resolve("documents"));
        Files.writeString(someonesFolder.resolve("thesis.tex"), "precious");
        assertThatThrownBy(() -> new WorkFolder(someonesFolder).prepare())
                .isInstanceOf(LaunchFailure.class).hasMessageContaining("is not a local platform's work folder");
        new WorkFolder(someonesFolder).reset();
        assertThat(someonesFolder.resolve("thesis.tex")).hasContent("precious");
    }

    @Test
    void stoppingAProcessStopsEverythingItStarted() throws Exception {
        ChildProcess shell = ChildProcess.start("sleepers", List.of("bash", "-c", "sleep 300 & sleep 300 & wait"), home, Map.of(),
                new WorkFolder(home), new StartedParts());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProcessHandle> children;
        do {
            children = ProcessHandle.of(shell.pid()).map(p -> p.descendants().toList()).orElse(List.of());
            Thread.sleep(50);
        } while (children.size() < 2 && System.nanoTime() < deadline);
        assertThat(children).hasSizeGreaterThanOrEqualTo(2);

        shell.stop();

        assertThat(shell.isAlive()).isFalse();
        for (ProcessHandle child : children) {
            child.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("pid " + child.pid()).isFalse();
        }
    }

    @Test
    void whatAKilledLauncherLeftRunningIsStoppedByTheNextStart() throws Exception {
        WorkFolder work = new WorkFolder(home);
        // as a launcher killed with SIGKILL leaves it: started, recorded, never stopped
        ChildProcess orphan = ChildProcess.start("kafka", List.of("sleep", "300"), home, Map.of(), work, new StartedParts());
        assertThat(home.resolve("pids/kafka.pid")).exists();

        LeftRunning.stopAll(work);

        ProcessHandle.of(orphan.pid()).ifPresent(p -> assertThat(p.isAlive()).isFalse());
        assertThat(orphan.isAlive()).isFalse();
        assertThat(home.resolve("pids/kafka.pid")).doesNotExist();
    }

    @Test
    void aRecordedPidNowHeldByAnotherProcessIsLeftAlone() throws Exception {
        WorkFolder work = new WorkFolder(home);
        ChildProcess stranger = ChildProcess.start("stranger", List.of("sleep", "300"), home, Map.of(), work, new StartedParts());
        try {
            // the same pid, another start time: the process the file meant is gone, this one is someone else's
            Files.writeString(home.resolve("pids/stranger.pid"), stranger.pid() + " 2001-01-01T00:00:00Z\n");
            LeftRunning.stopAll(work);
            assertThat(stranger.isAlive()).isTrue();
            assertThat(home.resolve("pids/stranger.pid")).doesNotExist();
        } finally {
            stranger.stop();
        }
    }

    @Test
    void aFailedPartShowsTheEndOfItsLog() throws Exception {
        Path log = home.resolve("logs/x.log");
        Files.createDirectories(log.getParent());
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            lines.append("line ").append(i).append('\n');
        }
        Files.writeString(log, lines);
        assertThat(ChildProcess.tail(log, 3)).containsExactly("line 38", "line 39", "line 40");
        assertThat(ChildProcess.tail(home.resolve("missing.log"), 3)).isEmpty();
    }

    @Test
    void resetEmptiesTheWorkFolderButKeepsItsMarkerAndLock() throws IOException {
        WorkFolder work = new WorkFolder(home.resolve("w"));
        work.prepare();
        Files.writeString(work.kafka().resolve("meta.properties"), "x");
        Files.writeString(work.log("kafka"), "y");
        work.reset();
        try (var left = Files.list(home.resolve("w"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(".fni-local-work");
        }
    }

    @Test
    void aStartAfterStoppingBeganStopsThePartAtOnce() {
        StartedParts parts = new StartedParts();
        parts.stopAll(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        WorkFolder work = new WorkFolder(home);
        assertThatThrownBy(() -> ChildProcess.start("late", List.of("sleep", "300"), home, Map.of(), work, parts))
                .isInstanceOf(LaunchFailure.class).hasMessageContaining("the launcher is stopping");
        assertThat(home.resolve("pids/late.pid")).doesNotExist();
    }

    @Test
    void partsStopInReverseOrderOfStart() {
        StartedParts parts = new StartedParts();
        List<String> stopped = new java.util.ArrayList<>();
        for (String name : List.of("kafka", "sftp", "contract-service", "claims-service")) {
            parts.add(new Part() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public void stop() {
                    stopped.add(name);
                }
            });
        }
        parts.stopAll(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(stopped).containsExactly("claims-service", "contract-service", "sftp", "kafka");
    }
}
