package com.fniexchange.local.demo;

import com.fniexchange.local.DevTokens;
import java.net.URI;

/**
 * Where the running platform is, as the demo needs it: the four services' base URLs, the broker,
 * the partner SFTP account, the Blob storage, and dev tokens for every role.
 *
 * @param contracts     contract-service, e.g. http://127.0.0.1:8081
 * @param claims        claims-service (8082)
 * @param cancellations cancellation-service (8083)
 * @param exports       batch-export-service (8084)
 * @param kafkaBrokers  bootstrap servers, e.g. 127.0.0.1:9092
 * @param sftp          the partner SFTP account
 * @param blobAccount   the Blob account name batch-export-service knows ({@code devstoreaccount1});
 *                      null when Blob delivery is off (no Node.js for Azurite)
 * @param blobConnectionString the connection string of that account (Azurite's public dev key), for
 *                      reading back what was delivered; null when Blob delivery is off
 * @param tokens        dev tokens
 */
public record DemoPlatform(URI contracts, URI claims, URI cancellations, URI exports, String kafkaBrokers,
                           SftpAccount sftp, String blobAccount, String blobConnectionString, DevTokens tokens) {
}
