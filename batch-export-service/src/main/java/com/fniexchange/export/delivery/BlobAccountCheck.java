package com.fniexchange.export.delivery;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fniexchange.export.ExportProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a storage account whose connection string cannot be used: missing, or
 * not a connection string the Azure SDK accepts (no account name, key or endpoint). The message
 * names the account and never the string: it holds the account key, and the SDK's own message
 * may quote what it could not parse. Nothing here touches the network: an account that is
 * merely unreachable fails its delivery, which is retried and alerts.
 */
@Component
class BlobAccountCheck implements InitializingBean {

    private final ExportProperties properties;

    BlobAccountCheck(ExportProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        properties.blob().accounts().forEach((name, account) -> check(name, account).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("storage accounts that cannot be used: " + String.join("; ", problems));
        }
    }

    /** What is wrong with one account, if anything. */
    static Optional<String> check(String name, ExportProperties.Account account) {
        String property = "fni.export.blob.accounts." + name + ".connection-string";
        if (account == null || account.connectionString() == null || account.connectionString().isBlank()) {
            return Optional.of(property + ": not set");
        }
        try {
            new BlobServiceClientBuilder().connectionString(account.connectionString().strip()).buildClient();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(property + " is not a storage connection string the Azure SDK accepts (" + e.getClass().getSimpleName()
                    + "); it needs AccountName, AccountKey (or a SharedAccessSignature) and an endpoint or the default ones");
        }
    }
}
