package com.fniexchange.local;

import com.fniexchange.local.demo.DemoPlatform;
import com.fniexchange.local.demo.SftpAccount;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What a running launcher tells a second one ({@code ./run-local.sh demo} in another terminal):
 * where the platform it started answers. A file in the work folder, written when everything is
 * up and removed when it stops; it holds addresses and file locations, never a key or a token.
 */
final class RunningPlatform {

    private RunningPlatform() {
    }

    private static Path file(WorkFolder work) {
        return work.root().resolve("platform.properties");
    }

    static void remember(WorkFolder work, DemoPlatform p) {
        Properties props = new Properties();
        props.setProperty("contracts", p.contracts().toString());
        props.setProperty("claims", p.claims().toString());
        props.setProperty("cancellations", p.cancellations().toString());
        props.setProperty("exports", p.exports().toString());
        props.setProperty("kafka", p.kafkaBrokers());
        SftpAccount s = p.sftp();
        props.setProperty("sftp.host", s.host());
        props.setProperty("sftp.port", String.valueOf(s.port()));
        props.setProperty("sftp.user", s.user());
        props.setProperty("sftp.identity", s.identity());
        props.setProperty("sftp.private-key-file", s.privateKey().toString());
        props.setProperty("sftp.host-key", s.hostKey());
        props.setProperty("sftp.inbound", s.inboundPath());
        if (p.blobAccount() != null) {
            props.setProperty("blob.account", p.blobAccount());
        }
        try (Writer out = Files.newBufferedWriter(file(work))) {
            props.store(out, "the local platform now running (removed when it stops)");
        } catch (IOException e) {
            System.err.println("  cannot write " + file(work) + ": " + e.getMessage());
        }
    }

    static void forget(WorkFolder work) {
        try {
            Files.deleteIfExists(file(work));
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** The platform a launcher started and that still answers, or null. */
    static DemoPlatform find(WorkFolder work) {
        Path file = file(work);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        try {
            return platform(p);
        } catch (RuntimeException unreadable) {
            // a file from another version, or cut short: as if no platform ran
            return null;
        }
    }

    private static DemoPlatform platform(Properties p) {
        List<String> bases = List.of(p.getProperty("contracts"), p.getProperty("claims"), p.getProperty("cancellations"),
                p.getProperty("exports"));
        for (String base : bases) {
            URI uri = URI.create(base);
            if (!LocalMachine.listening(uri.getHost(), uri.getPort())) {
                return null;
            }
        }
        String blob = p.getProperty("blob.account");
        SftpAccount sftp = new SftpAccount(p.getProperty("sftp.host"), Integer.parseInt(p.getProperty("sftp.port")),
                p.getProperty("sftp.user"), p.getProperty("sftp.identity"), Path.of(p.getProperty("sftp.private-key-file")),
                p.getProperty("sftp.host-key"), p.getProperty("sftp.inbound"));
        return new DemoPlatform(URI.create(bases.get(0)), URI.create(bases.get(1)), URI.create(bases.get(2)), URI.create(bases.get(3)),
                p.getProperty("kafka"), sftp, blob, blob == null ? null : Azurite.CONNECTION_STRING, DevTokens.local());
    }
}
