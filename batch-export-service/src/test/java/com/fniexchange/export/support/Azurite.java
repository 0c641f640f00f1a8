package com.fniexchange.export.support;

import com.fniexchange.testsupport.LocalRun;
import com.fniexchange.testsupport.SourceTree;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Azure Blob endpoint of the tests: Azurite on {@code FNI_TEST_AZURITE_HOST}:{@code FNI_TEST_AZURITE_PORT}
 * (127.0.0.1:10000). CI (.ci/run) starts it. Run outside CI, a test that finds nothing there
 * starts the copy .ci/run installed ({@code .ci/.work/node/node_modules/.bin/azurite-blob}) for
 * the JVM's lifetime; when there is none either, it fails saying how to get one. Never skipped.
 */
public final class Azurite {

    /** Azurite's well-known development account and key (public, local only). */
    public static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static volatile String connectionString;

    private Azurite() {
    }

    public static synchronized String connectionString() {
        if (connectionString == null) {
            String host = env("FNI_TEST_AZURITE_HOST", "127.0.0.1");
            int port = Integer.parseInt(env("FNI_TEST_AZURITE_PORT", "10000"));
            if (!LocalRun.listening(host, port)) {
                start(host, port);
            }
            connectionString = "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                    + ";BlobEndpoint=http://" + host + ":" + port + "/" + ACCOUNT + ";";
        }
        return connectionString;
    }

    private static void start(String host, int port) {
        Path bin = SourceTree.root().resolve(".ci/.work/node/node_modules/.bin/azurite-blob");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("""
                    No Azurite (Azure Blob emulator) answers on %s:%d, and none is installed under .ci/.work. Either:
                      - run .ci/run once (it installs Azurite 3.37.0 from .ci/package-lock.json), or
                      - start one: npx azurite@3.37.0 azurite-blob --blobHost 127.0.0.1 --blobPort 10000 --location /tmp/azurite --skipApiVersionCheck
                      - or point FNI_TEST_AZURITE_HOST / FNI_TEST_AZURITE_PORT at one.""".formatted(host, port));
        }
        try {
            Path location = Files.createTempDirectory("azurite-");
            Process process = new ProcessBuilder(bin.toString(), "--blobHost", host, "--blobPort", Integer.toString(port),
                    "--location", location.toString(), "--skipApiVersionCheck", "--silent")
                    .redirectErrorStream(true).redirectOutput(new File(location.toFile(), "azurite.log")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "azurite-stop"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!LocalRun.listening(host, port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Azurite did not start on " + host + ":" + port + "; see " + location + "/azurite.log");
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Azurite: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
