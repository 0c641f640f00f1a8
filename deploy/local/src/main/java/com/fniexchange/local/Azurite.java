package com.fniexchange.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;

/**
 * Azure Blob storage, emulated by Azurite on 127.0.0.1:10000 with its public development account
 * ({@code devstoreaccount1}). One already answering there is used as it is; otherwise the copy
 * {@code .ci/run} installs ({@code .ci/.work/node}), or the same pinned version through
 * {@code npx}. Without Node.js there is no Blob storage: the launcher says so and the Blob
 * partner is left out.
 */
final class Azurite {

    static final int PORT = 10000;
    /** The version .ci/package.json pins. */
    static final String VERSION = "3.37.0";
    /** Azurite's well-known development account: public, in Microsoft's documentation, never a real secret. */
    static final String ACCOUNT = "devstoreaccount1";
    static final String CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private Azurite() {
    }

    /** What the launcher found or started: a process to stop (or null), and whether Blob storage is there at all. */
    record Started(ChildProcess process, boolean available, String note) {
    }

    static Started start(WorkFolder work, Path repository, StartedParts parts) {
        if (LocalMachine.listening("127.0.0.1", PORT)) {
            return new Started(null, true, "already answering on 127.0.0.1:" + PORT + " (used as it is)");
        }
        List<String> command = new ArrayList<>();
        Path installed = repository.resolve(".ci/.work/node/node_modules/.bin/azurite-blob");
        if (Files.isExecutable(installed)) {
            command.add(installed.toString());
        } else if (LocalMachine.onPath("npx")) {
            command.addAll(List.of("npx", "--yes", "--package=azurite@" + VERSION, "azurite-blob"));
        } else {
            return new Started(null, false, "off: no Node.js (npx) on this machine. Install Node.js 18+ for Blob delivery;"
                    + " until then a partner delivering to Blob fails its night (the SFTP partner works without it)");
        }
        command.addAll(List.of("--blobHost", "127.0.0.1", "--blobPort", String.valueOf(PORT), "--location", work.azurite().toString(),
                "--skipApiVersionCheck", "--loose"));
        ChildProcess process = ChildProcess.start("azurite", command, repository, Map.of(), work, parts);
        // npx may download Azurite on a first start
        if (!LocalMachine.await(Duration.ofSeconds(120), process::requireAlive, () -> LocalMachine.listening("127.0.0.1", PORT))) {
            throw new LaunchFailure("azurite", "did not answer on 127.0.0.1:" + PORT + " within 120 s", process.log());
        }
        return new Started(process, true, null);
    }
}
