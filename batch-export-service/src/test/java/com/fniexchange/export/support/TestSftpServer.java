package com.fniexchange.export.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server in the test JVM (Apache MINA SSHD) on 127.0.0.1, serving a temporary
 * directory. It accepts one client key (written as an OpenSSH private key file for the
 * service's identity) and presents a fixed host key, so it can be stopped and started again
 * on the same port with the same identity.
 */
public final class TestSftpServer {

    private static TestSftpServer shared;

    private final Path root;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private final Path clientKeyFile;
    private SshServer server;
    private int port;

    private TestSftpServer() throws IOException, GeneralSecurityException {
        root = Files.createTempDirectory("sftp-root-");
        hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        clientKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        clientKeyFile = Files.createTempFile("sftp-client-", ".key");
        try (OutputStream out = Files.newOutputStream(clientKeyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "batch-export-test", null, out);
        }
        start();
    }

    /** The JVM's server, started on first use. */
    public static synchronized TestSftpServer get() {
        if (shared == null) {
            try {
                shared = new TestSftpServer();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot start the test SFTP server: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    public synchronized void start() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        port = server.getPort();
    }

    public synchronized void stop() throws IOException {
        server.stop(true);
    }

    public int port() {
        return port;
    }

    /** The host key as a partner's settings carry it: {@code ecdsa-sha2-nistp256 AAAA...}. */
    public String hostKey() {
        return PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** Another key of the same type, which this server does not have. */
    public static String foreignHostKey() throws GeneralSecurityException {
        return PublicKeyEntry.toString(KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic());
    }

    public Path clientKeyFile() {
        return clientKeyFile;
    }

    /** A directory as the server shows it ({@code /p1/outbound}), created if missing. */
    public Path directory(String serverPath) throws IOException {
        return Files.createDirectories(root.resolve(serverPath.substring(1)));
    }
}
