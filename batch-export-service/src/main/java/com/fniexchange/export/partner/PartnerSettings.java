package com.fniexchange.export.partner;

import com.fniexchange.export.file.Compression;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.Register;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A partner's settings as ops send them (PUT replaces all of them). */
public record PartnerSettings(
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerKind kind,
        @NotNull @Valid EntitlementSettings entitlement,
        @NotEmpty List<@NotNull Register> registers,
        @NotNull FileLayout layout,
        @NotNull Compression compression,
        @Schema(description = "ASCII-armoured OpenPGP public key; files are encrypted to it when present")
        @Size(max = 20000) String pgpPublicKey,
        @Valid SftpSettings sftp,
        @Valid BlobSettings blob,
        @Schema(description = "Spring cron, six fields (second minute hour day month weekday), in timeZone", example = "0 30 2 * * *")
        @NotBlank String schedule,
        @Schema(example = "America/New_York") @NotBlank String timeZone,
        @NotNull Boolean active) {

    public record EntitlementSettings(
            List<@NotNull @Pattern(regexp = "^[A-Z0-9]{2,10}$", message = "must be 2 to 10 upper-case letters or digits") String> dealerCodes,
            List<@NotBlank @Size(max = 40) String> makes) {
    }

    public record SftpSettings(
            @NotBlank @Size(max = 255) String host,
            @NotNull @Min(1) @Max(65535) Integer port,
            @NotBlank @Size(max = 100) String user,
            @Schema(description = "name of a private key configured in fni.export.sftp.identities") @NotBlank String identity,
            @NotBlank @Pattern(regexp = "^/.*", message = "must be an absolute path") String path,
            @Pattern(regexp = "^/.*", message = "must be an absolute path") String stagingPath,
            @Schema(description = "the server's public host key, as in known_hosts without the host: ssh-ed25519 AAAA...")
            @NotBlank String hostKey) {
    }

    public record BlobSettings(
            @Schema(description = "name of a storage account configured in fni.export.blob.accounts") @NotBlank String account,
            @NotBlank @Pattern(regexp = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", message = "must be a valid container name") String container,
            @Size(max = 200) String prefix) {
    }
}
