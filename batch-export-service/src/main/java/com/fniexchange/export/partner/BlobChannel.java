package com.fniexchange.export.partner;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A partner's Azure Blob pickup.
 *
 * @param account   name of the storage account in {@code fni.export.blob.accounts}
 * @param prefix    prepended to every blob name ({@code honda-oem/}); may be empty
 */
@Schema(description = "A partner's Azure Blob pickup")
public record BlobChannel(String account, String container,
                          @Schema(nullable = true, description = "prepended to every blob name; null or empty: none") String prefix) {

    public String blobName(String fileName) {
        return (prefix == null ? "" : prefix) + fileName;
    }
}
