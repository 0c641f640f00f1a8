package com.fniexchange.local.demo;

import java.nio.file.Path;

/**
 * The partner SFTP account the launcher serves, as a partner's registry entry and a partner's own
 * SFTP client see it.
 *
 * @param host         where the server listens (127.0.0.1)
 * @param port         its port
 * @param user         the account batch-export-service logs in as (and the demo, fetching the file back)
 * @param identity     the name of the private key batch-export-service was started with
 *                     ({@code fni.export.sftp.identities.<identity>.private-key-location}); a registry entry's
 *                     {@code sftp.identity}
 * @param privateKey   that key's file (OpenSSH format), for the demo's own SFTP client
 * @param hostKey      the server's public host key as a registry entry's {@code sftp.hostKey} carries it
 *                     ({@code ecdsa-sha2-nistp256 AAAA...})
 * @param inboundPath  the folder files are delivered to ({@code /inbound}); {@code stagingPath} is
 *                     {@code /staging}
 */
public record SftpAccount(String host, int port, String user, String identity, Path privateKey, String hostKey,
                          String inboundPath) {
}
