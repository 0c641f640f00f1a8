package com.fniexchange.export.delivery;

import com.fniexchange.export.ExportProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a storage account that cannot be used: neither a connection string nor an
 * endpoint (or both), a connection string the Azure SDK does not accept (no account name, key or
 * endpoint), an endpoint that is not an https URL. The message
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
        return StorageAccountClients.problem(name, account);
    }
}
