package com.fniexchange.local;

import com.fniexchange.local.demo.SftpAccount;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The partner's SFTP server, in the launcher's JVM (Apache MINA SSHD): one account, {@code partner},
 * that accepts only the key in its {@code authorized_keys}, and a folder tree a partner would
 * have ({@code /inbound} for files, {@code /staging} for uploads in progress). On first start it
 * generates the server's host key and the identity batch-export-service logs in with, into the
 * work folder (never the repository); later starts reuse them, so a partner entry stays valid.
 *
 * @param root the folder the server shows as {@code /}
 */
record PartnerSftpServer(SshServer server, SftpAccount account, Path root) implements Part {

    static final String USER = "partner";
    static final String IDENTITY = "local-partner";

    static PartnerSftpServer start(WorkFolder work, int port) {
        Path dir = work.sftp();
        Path hostKeyFile = dir.resolve("host_key");
        Path identityFile = dir.resolve("partner_identity");
        Path authorizedKeys = dir.resolve("authorized_keys");
        Path root = dir.resolve("root");
        if (port != 0 && LocalMachine.listening("127.0.0.1", port)) {
            throw new LaunchFailure("sftp", "port " + port + " is already in use on 127.0.0.1; stop what holds it"
                    + " or choose another with FNI_LOCAL_SFTP_PORT");
        }
        try {
            if (!Files.exists(hostKeyFile)) {
                writePrivateKey(hostKeyFile, KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256), "fni-local-sftp-host");
            }
            if (!Files.exists(identityFile) || !Files.exists(authorizedKeys)) {
                KeyPair identity = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
                writePrivateKey(identityFile, identity, "fni-exchange@local");
                Files.writeString(authorizedKeys, PublicKeyEntry.toString(identity.getPublic()) + " fni-exchange@local\n");
            }
            Files.createDirectories(root.resolve("inbound"));
            Files.createDirectories(root.resolve("staging"));

            FileKeyPairProvider hostKeys = new FileKeyPairProvider(hostKeyFile);
            KeyPair hostKey = hostKeys.loadKeys(null).iterator().next();
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(port);
            server.setKeyPairProvider(hostKeys);
            AuthorizedKeysAuthenticator keys = new AuthorizedKeysAuthenticator(authorizedKeys);
            server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && keys.authenticate(user, key, session));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
            SftpAccount account = new SftpAccount("127.0.0.1", server.getPort(), USER, IDENTITY, identityFile,
                    PublicKeyEntry.toString(hostKey.getPublic()), "/inbound");
            return new PartnerSftpServer(server, account, root);
        } catch (IOException | GeneralSecurityException e) {
            throw new LaunchFailure("sftp", "cannot start the partner SFTP server on port " + port + ": " + e.getMessage());
        }
    }

    private static void writePrivateKey(Path file, KeyPair key, String comment) throws IOException, GeneralSecurityException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        // owner-only where the file system has POSIX permissions (elsewhere the folder's ACL applies)
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, comment, null, out);
        }
    }

    @Override
    public String name() {
        return "sftp";
    }

    String where() {
        return "sftp://" + USER + "@127.0.0.1:" + account.port() + account.inboundPath();
    }

    @Override
    public void stop() {
        try {
            server.stop(true);
        } catch (IOException e) {
            System.err.println("  sftp: " + e.getMessage());
        }
    }
}
