package com.fniexchange.export.delivery;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fniexchange.export.ExportProperties;
import java.net.URI;
import java.util.Optional;

/**
 * A storage account's client, the one way the service makes it: from the account's connection
 * string (its key, or a SAS), or passwordless from its endpoint with the Azure SDK's default
 * credential (workload identity on AKS, a managed identity, a developer's {@code az login}).
 * Building a client touches no network.
 */
final class StorageAccountClients {

    private StorageAccountClients() {
    }

    static BlobServiceClient client(ExportProperties.Account account) {
        if (account.endpoint() != null) {
            return new BlobServiceClientBuilder().endpoint(account.endpoint().toString())
                    .credential(new DefaultAzureCredentialBuilder().build()).buildClient();
        }
        return new BlobServiceClientBuilder().connectionString(account.connectionString().strip()).buildClient();
    }

    /**
     * What is wrong with one account's settings, if anything, naming the property and never a
     * connection string (it holds the key; the SDK's own message may quote what it could not parse).
     */
    static Optional<String> problem(String name, ExportProperties.Account account) {
        String prefix = "fni.export.blob.accounts." + name;
        boolean hasString = account != null && account.connectionString() != null && !account.connectionString().isBlank();
        boolean hasEndpoint = account != null && account.endpoint() != null;
        if (hasString == hasEndpoint) {
            return Optional.of(prefix + ": give connection-string (a key or a SAS) or endpoint (passwordless), "
                    + (hasString ? "not both" : "not set"));
        }
        if (hasEndpoint) {
            URI endpoint = account.endpoint();
            if (endpoint.getRawQuery() != null || endpoint.getRawUserInfo() != null || endpoint.getRawFragment() != null) {
                // a SAS pasted as the endpoint: its signature must never reach a log line
                return Optional.of(prefix + ".endpoint must be the account's URL alone: a SAS goes in connection-string "
                        + "(SharedAccessSignature=...), never in the endpoint");
            }
            if (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
                return Optional.of(prefix + ".endpoint must be the account's https URL (https://<account>.blob.core.windows.net), not "
                        + endpoint.getScheme() + "://" + endpoint.getHost());
            }
        }
        try {
            client(account);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(prefix + (hasString ? ".connection-string is not a storage connection string the Azure SDK accepts ("
                    + e.getClass().getSimpleName() + "); it needs AccountName, AccountKey (or a SharedAccessSignature) and an endpoint "
                    + "or the default ones" : ".endpoint is not usable (" + e.getClass().getSimpleName() + ")"));
        }
    }
}
