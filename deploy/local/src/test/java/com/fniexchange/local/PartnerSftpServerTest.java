package com.fniexchange.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerSftpServerTest {

    @TempDir
    Path home;

    @Test
    void aFirstStartMakesKeysOnlyTheOwnerReadsAndTheIdentityLogsInToThePartnersFolders() throws Exception {
        WorkFolder work = new WorkFolder(home);
        PartnerSftpServer server = PartnerSftpServer.start(work, 0);
        try {
            Path identity = server.account().privateKey();
            assertThat(identity).startsWith(home);
            assertThat(Files.getPosixFilePermissions(identity)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(home.resolve("sftp/host_key"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(identity)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
            Files.writeString(server.root().resolve("inbound/P1_contracts_20261204.csv"), "H|P1\nT|0\n");

            try (SshClient client = client(server.account().hostKey()); ClientSession session = login(client, server, identity)) {
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    ByteArrayOutputStream file = new ByteArrayOutputStream();
                    try (var in = sftp.read("/inbound/P1_contracts_20261204.csv")) {
                        in.transferTo(file);
                    }
                    assertThat(file.toString()).isEqualTo("H|P1\nT|0\n");
                    assertThat(sftp.stat("/staging").isDirectory()).isTrue();
                }
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void aSecondStartKeepsTheHostKeyAndTheIdentitySoAPartnerEntryStaysValid() throws Exception {
        WorkFolder work = new WorkFolder(home);
        PartnerSftpServer first = PartnerSftpServer.start(work, 0);
        String hostKey = first.account().hostKey();
        String identity = Files.readString(first.account().privateKey());
        first.stop();
        PartnerSftpServer second = PartnerSftpServer.start(work, 0);
        try {
            assertThat(second.account().hostKey()).isEqualTo(hostKey).startsWith("ecdsa-sha2-nistp256 AAAA");
            assertThat(Files.readString(second.account().privateKey())).isEqualTo(identity);
        } finally {
            second.stop();
        }
    }

    @Test
    void anotherKeyIsRefused() throws Exception {
        PartnerSftpServer server = PartnerSftpServer.start(new WorkFolder(home), 0);
        try (SshClient client = client(server.account().hostKey())) {
            KeyPair stranger = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            ClientSession session = client.connect(PartnerSftpServer.USER, "127.0.0.1", server.account().port())
                    .verify(Duration.ofSeconds(10)).getSession();
            session.addPublicKeyIdentity(stranger);
            assertThatThrownBy(() -> session.auth().verify(Duration.ofSeconds(10))).hasMessageContaining("No more authentication methods");
            session.close();
        } finally {
            server.stop();
        }
    }

    @Test
    void aPortInUseIsNamedNotAStackTrace() throws Exception {
        PartnerSftpServer server = PartnerSftpServer.start(new WorkFolder(home), 0);
        try {
            assertThatThrownBy(() -> PartnerSftpServer.start(new WorkFolder(home.resolve("other")), server.account().port()))
                    .isInstanceOf(LaunchFailure.class)
                    .hasMessageContaining("port " + server.account().port() + " is already in use");
        } finally {
            server.stop();
        }
    }

    private static SshClient client(String expectedHostKey) {
        SshClient client = SshClient.setUpDefaultClient();
        // as a partner's client: only the host key the banner printed is accepted
        client.setServerKeyVerifier((session, address, key) -> PublicKeyEntry.toString(key).equals(expectedHostKey));
        client.start();
        return client;
    }

    private static ClientSession login(SshClient client, PartnerSftpServer server, Path identity) throws Exception {
        ClientSession session = client.connect(PartnerSftpServer.USER, "127.0.0.1", server.account().port())
                .verify(Duration.ofSeconds(10)).getSession();
        for (KeyPair key : new FileKeyPairProvider(identity).loadKeys(null)) {
            session.addPublicKeyIdentity(key);
        }
        session.auth().verify(Duration.ofSeconds(10));
        return session;
    }
}
