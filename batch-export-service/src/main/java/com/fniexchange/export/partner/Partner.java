package com.fniexchange.export.partner;

import com.fniexchange.export.file.Compression;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.Entitlement;
import com.fniexchange.export.register.Register;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A partner that receives register files.
 *
 * @param pgpPublicKey ASCII-armoured OpenPGP public key; files are encrypted to it when set
 * @param sftp         null when the partner has no SFTP pickup
 * @param blob         null when the partner has no Blob pickup
 * @param schedule     Spring cron (six fields, seconds first) in {@code timeZone}
 */
public record Partner(
        String partnerId,
        String name,
        PartnerKind kind,
        Entitlement entitlement,
        List<Register> registers,
        FileLayout layout,
        Compression compression,
        @Schema(nullable = true, description = "ASCII-armoured OpenPGP public key; files are encrypted to it when set") String pgpPublicKey,
        @Schema(nullable = true, description = "The SFTP pickup; null when the partner has none") SftpChannel sftp,
        @Schema(nullable = true, description = "The Azure Blob pickup; null when the partner has none") BlobChannel blob,
        String schedule,
        String timeZone,
        boolean active,
        Instant updatedAt,
        String updatedBy) {

    public boolean receives(Register register) {
        return registers.contains(register);
    }

    public boolean encrypts() {
        return pgpPublicKey != null && !pgpPublicKey.isBlank();
    }
}
