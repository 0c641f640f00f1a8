package com.fniexchange.export.delivery;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.fniexchange.export.ExportProperties;
import com.fniexchange.export.partner.BlobChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Azure Blob delivery (Azure Storage Blob SDK; Azurite locally). Blocks are staged with their
 * own MD5 and become visible only when the block list is committed, with the whole file's
 * content MD5 set by us and partner, business date, record count and SHA-256 as metadata.
 * Data files and manifests commit with {@code If-None-Match: *}: a blob already there with the
 * same SHA-256 counts as delivered, a different one is never overwritten.
 */
@Component
class BlobDelivery {

    private static final Logger log = LoggerFactory.getLogger(BlobDelivery.class);

    private final ExportProperties.Blob properties;
    private final Map<String, BlobServiceClient> clients = new ConcurrentHashMap<>();

    BlobDelivery(ExportProperties properties) {
        this.properties = properties.blob();
    }

    String deliver(String partnerId, BlobChannel channel, OutgoingFile file) {
        String name = channel.blobName(file.name());
        BlockBlobClient blob = client(channel.account()).getBlobContainerClient(channel.container()).getBlobClient(name)
                .getBlockBlobClient();
        String location = blob.getBlobUrl();
        try {
            if (!file.replace() && blob.exists() && alreadyDelivered(blob, file, channel)) {
                return location;
            }
            List<String> blocks = new ArrayList<>();
            byte[] buffer = new byte[properties.blockSize()];
            try (InputStream in = Files.newInputStream(file.path())) {
                int n;
                while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    String id = Base64.getEncoder().encodeToString(String.format("%010d", blocks.size()).getBytes(StandardCharsets.US_ASCII));
                    byte[] blockMd5 = md5(buffer, n);
                    blob.stageBlockWithResponse(id, new ByteArrayInputStream(buffer, 0, n), n, blockMd5, null,
                            properties.timeout(), Context.NONE);
                    blocks.add(id);
                }
            }
            BlockBlobCommitBlockListOptions commit = new BlockBlobCommitBlockListOptions(blocks)
                    .setHeaders(new BlobHttpHeaders()
                            .setContentMd5(Base64.getDecoder().decode(file.md5Base64()))
                            .setContentType(file.name().endsWith(".json") ? "application/json" : "application/octet-stream"))
                    .setMetadata(file.metadata());
            if (!file.replace()) {
                commit.setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
            }
            try {
                blob.commitBlockListWithResponse(commit, properties.timeout(), Context.NONE);
            } catch (BlobStorageException e) {
                if ((e.getStatusCode() == 409 || e.getStatusCode() == 412) && alreadyDelivered(blob, file, channel)) {
                    return location;
                }
                throw e;
            }
            return location;
        } catch (DeliveryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DeliveryException("Blob delivery of " + file.name() + " to partner " + partnerId + " at " + location
                    + " failed: " + (e instanceof BlobStorageException b ? b.getStatusCode() + " " + b.getErrorCode() : e.toString()), e);
        }
    }

    private static boolean alreadyDelivered(BlockBlobClient blob, OutgoingFile file, BlobChannel channel) {
        BlobProperties existing = blob.getProperties();
        if (file.sha256().equals(existing.getMetadata().get("sha256"))) {
            log.info("{} already delivered to container {} (same SHA-256)", file.name(), channel.container());
            return true;
        }
        throw new DeliveryException("a different " + file.name() + " is already in container " + channel.container()
                + "; it is never overwritten");
    }

    private BlobServiceClient client(String account) {
        return clients.computeIfAbsent(account, a -> {
            ExportProperties.Account configured = properties.accounts().get(a);
            // a configured account was checked at start-up (BlobAccountCheck)
            if (configured == null) {
                throw new DeliveryException("storage account '" + a + "' is not configured (fni.export.blob.accounts)");
            }
            return StorageAccountClients.client(configured);
        });
    }

    private static byte[] md5(byte[] data, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data, 0, length);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
