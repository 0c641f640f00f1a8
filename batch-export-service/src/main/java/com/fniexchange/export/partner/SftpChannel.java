package com.fniexchange.export.partner;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A partner's SFTP pickup.
 *
 * @param identity    name of the private key in {@code fni.export.sftp.identities}
 * @param path        the pickup directory files appear in
 * @param stagingPath where files are uploaded as {@code name.part} before being renamed into
 *                    {@code path}; null: {@code path} itself (the partner ignores {@code *.part})
 * @param hostKey     the server's public key ({@code ssh-ed25519 AAAA...}); any other is refused
 */
@Schema(description = "A partner's SFTP pickup")
public record SftpChannel(String host, int port, String user, String identity, String path,
                          @Schema(nullable = true, description = "where files are uploaded before the rename; null: path itself")
                          String stagingPath,
                          String hostKey) {

    public String stagingDirectory() {
        return stagingPath == null || stagingPath.isBlank() ? path : stagingPath;
    }
}
