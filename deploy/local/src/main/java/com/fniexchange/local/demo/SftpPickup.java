package com.fniexchange.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * The partner picking its files up from its SFTP folder, with its own client (Apache MINA SSHD), its
 * own private key, and the server's host key pinned: a server offering any other key is refused,
 * as batch-export-service refuses one when it delivers.
 */
record SftpPickup(SshClient client, ClientSession session, SftpClient sftp) implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** A file in the pickup folder. */
    record RemoteFile(String path, long size) {
    }

    /** Logs in as the account's user with its private key, accepting only the account's host key. */
    static SftpPickup open(SftpAccount account) throws IOException {
        PublicKey pinned;
        try {
            pinned = AuthorizedKeyEntry.parseAuthorizedKeyEntry(account.hostKey()).resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the account's host key is not an SSH public key: " + account.hostKey(), e);
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((clientSession, address, offered) -> KeyUtils.compareKeys(pinned, offered));
        client.setKeyIdentityProvider(new FileKeyPairProvider(account.privateKey()));
        client.start();
        ClientSession session = null;
        try {
            session = client.connect(account.user(), account.host(), account.port()).verify(TIMEOUT).getSession();
            session.auth().verify(TIMEOUT);
            return new SftpPickup(client, session, SftpClientFactory.instance().createSftpClient(session));
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            client.stop();
            throw e;
        }
    }

    /** The files in a folder whose names start with the prefix, by name; partial uploads ({@code *.part}) are not files yet. */
    List<RemoteFile> list(String folder, String prefix) throws IOException {
        List<RemoteFile> files = new ArrayList<>();
        for (SftpClient.DirEntry entry : sftp.readDir(folder)) {
            String name = entry.getFilename();
            if (name.startsWith(prefix) && !name.endsWith(".part") && entry.getAttributes().isRegularFile()) {
                files.add(new RemoteFile(folder + "/" + name, entry.getAttributes().getSize()));
            }
        }
        files.sort(Comparator.comparing(RemoteFile::path));
        return files;
    }

    byte[] read(String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        try {
            sftp.close();
        } catch (IOException e) {
            // closing the session below ends the channel anyway
        }
        session.close(false);
        client.stop();
    }
}
