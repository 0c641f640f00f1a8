package com.fniexchange.export.job;

import java.util.Map;

/**
 * What is delivered beside each data file ({@code <base>.manifest.json}). PartnerRepository check
 * {@code sha256} against the bytes they received and, after decrypting and decompressing,
 * {@code plaintextSha256}; {@code recordCount} and {@code totals} repeat the trailer.
 */
public record Manifest(
        String fileName,
        String fileId,
        String partnerId,
        String register,
        String businessDate,
        String layout,
        String layoutVersion,
        String compression,
        boolean encrypted,
        long recordCount,
        Map<String, String> totals,
        long size,
        String sha256,
        long plaintextSize,
        String plaintextSha256,
        String cutoff) {
}
