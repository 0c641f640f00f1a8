package com.fniexchange.export.partner;

/**
 * A partner's Azure Blob pickup.
 *
 * @param account   name of the storage account in {@code fni.export.blob.accounts}
 * @param prefix    prepended to every blob name ({@code honda-oem/}); may be empty
 */
public record BlobChannel(String account, String container, String prefix) {

    public String blobName(String fileName) {
        return (prefix == null ? "" : prefix) + fileName;
    }
}
