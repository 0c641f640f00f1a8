package com.fniexchange.export.delivery;

import java.nio.file.Path;
import java.util.Map;

/**
 * A file to deliver.
 *
 * @param replace   true for a file that may be replaced by a later version (the reconciliation
 *                  report); data files and manifests are delivered once and never overwritten
 * @param metadata  Blob metadata (partner, businessDate, recordCount, sha256)
 */
public record OutgoingFile(Path path, String name, String sha256, String md5Base64, long size, boolean replace,
                           Map<String, String> metadata) {
}
