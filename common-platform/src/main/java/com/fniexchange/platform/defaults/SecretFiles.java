package com.fniexchange.platform.defaults;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Secrets an operator mounts as files (a Kubernetes Secret, Key Vault's CSI driver, Docker
 * secrets) instead of putting them in the environment, where {@code docker inspect}, a crash
 * dump or a child process would show them. Every file in the folder {@code FNI_SECRETS_DIR}
 * names a variable and holds its value: {@code FNI_DB_PASSWORD} holds the database password,
 * read as if the variable were set (a trailing newline is dropped). A variable set in the
 * environment wins over its file. The values are read where a setting asks for them and never
 * shown: the folder is all that is named.
 */
final class SecretFiles {

    static final String VARIABLE = "FNI_SECRETS_DIR";
    static final String SOURCE = "fni-secret-files";

    private SecretFiles() {
    }

    static void addTo(ConfigurableEnvironment environment) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(SOURCE);
        String folder = environment.getProperty(VARIABLE);
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path path = Path.of(folder.strip());
        if (!Files.isDirectory(path) || !Files.isReadable(path)) {
            throw new IllegalStateException(VARIABLE + " names " + path + ", which is not a readable folder of secret files");
        }
        ConfigTreePropertySource secrets = new ConfigTreePropertySource(SOURCE, path,
                ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, secrets);
        } else {
            sources.addLast(secrets);
        }
    }
}
