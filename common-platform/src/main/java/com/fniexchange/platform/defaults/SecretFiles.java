package com.fniexchange.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Secrets an operator mounts as files (a Kubernetes Secret, Key Vault's CSI driver, Docker
 * secrets) instead of putting them in the environment, where {@code docker inspect}, a crash
 * dump or a child process would show them. Every file in the folder {@code FNI_SECRETS_DIR}
 * names a variable and holds its value: {@code FNI_DB_PASSWORD} holds the database password,
 * {@code FNI_EXPORT_BLOB_ACCOUNTS_PARTNER_CONNECTIONSTRING} a Blob account's connection string.
 * Each is read exactly as the environment variable would be, placeholders and relaxed binding
 * alike (a trailing newline is dropped); a variable set in the environment wins over its file.
 * Hidden files (Kubernetes' {@code ..data} links) and folders are skipped. The values are never
 * shown: the folder is all an error names.
 */
final class SecretFiles {

    static final String VARIABLE = "FNI_SECRETS_DIR";
    /** Ends in -systemEnvironment: Boot then maps it like the environment (relaxed names). */
    static final String SOURCE = "fni-secret-files-systemEnvironment";
    /** A secret is a password, a key or a connection string; anything larger is a mistake. */
    private static final long MAX_BYTES = 64 * 1024;

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
        SystemEnvironmentPropertySource secrets = new SystemEnvironmentPropertySource(SOURCE, read(path));
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, secrets);
        } else {
            sources.addLast(secrets);
        }
    }

    private static Map<String, Object> read(Path folder) {
        Map<String, Object> values = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new IllegalStateException(VARIABLE + ": " + file + " is larger than a secret (" + MAX_BYTES + " bytes)");
                }
                values.put(name, withoutTrailingNewline(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(VARIABLE + ": cannot read the secret files in " + folder, e);
        }
        return values;
    }

    private static String withoutTrailingNewline(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }
}
