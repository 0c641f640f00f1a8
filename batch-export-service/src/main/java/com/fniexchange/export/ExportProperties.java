package com.fniexchange.export;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.export.*}: where files are built, how the extract reads and how channels deliver.
 *
 * @param workDir     files are built under {@code <workDir>/<partner>/<register>/<date>/}
 * @param chunkSize   rows per committed chunk (the restart granularity)
 * @param gzipLevel   deflate level of the gzip files (1 fastest .. 9 smallest)
 * @param reportKeys  differing keys listed per kind in a reconciliation report (the count is always exact)
 * @param frozenSettingsRetention how long the partner settings an export froze are kept once it completed
 *                    (an export not completed keeps them until it is)
 */
@ConfigurationProperties("fni.export")
@Validated
public record ExportProperties(
        @NotNull Path workDir,
        @DefaultValue("5000") @Min(1) int chunkSize,
        @DefaultValue("6") @Min(1) int gzipLevel,
        @DefaultValue("1000") @Min(1) int reportKeys,
        @NotNull @DefaultValue("30d") Duration frozenSettingsRetention,
        @DefaultValue Sftp sftp,
        @DefaultValue Blob blob,
        @DefaultValue Schedule schedule) {

    /**
     * @param identities   private keys by name; a partner's channel names one ({@code sftp.identity})
     * @param timeout      connect and read timeout
     * @param attempts     tries per file before the delivery fails
     * @param backoff      first pause between tries, doubling up to {@code maxBackoff}
     */
    public record Sftp(
            @DefaultValue Map<String, Identity> identities,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("4") @Min(1) int attempts,
            @DefaultValue("1s") Duration backoff,
            @DefaultValue("30s") Duration maxBackoff) {
    }

    /**
     * An SFTP private key (OpenSSH or PEM) and its passphrase, if any; exactly one of the two ways
     * to give the key. Checked at start-up ({@code SftpIdentityCheck}); never printed.
     *
     * @param privateKey         the key itself, as a secret store hands it over (an environment
     *                           variable such as {@code FNI_EXPORT_SFTP_IDENTITIES_PROD_PRIVATEKEY})
     * @param privateKeyLocation where the key lies: {@code file:/run/secrets/partner-key} (a mounted secret)
     * @param passphrase         the key's passphrase, when it is encrypted
     */
    public record Identity(String privateKey, Resource privateKeyLocation, String passphrase) {

        /** The key as the SFTP client reads it, from whichever way it was given. */
        public Resource key() {
            return privateKey != null && !privateKey.isBlank()
                    ? new ByteArrayResource(privateKey.getBytes(StandardCharsets.UTF_8), "inline private key")
                    : privateKeyLocation;
        }

        /**
         * Key text put under the location's name (a secret store's value given to the wrong
         * setting): Spring then takes the key for a path, and its description holds the key.
         */
        public boolean keyTextGivenAsLocation() {
            String description = privateKeyLocation == null ? null : privateKeyLocation.getDescription();
            return description != null && (description.contains("-----BEGIN") || description.contains("PRIVATE KEY"));
        }

        /** A file or URL location as such; anything else might be misplaced key text without its armour. */
        private static String where(Resource location) {
            String description = location.getDescription();
            return description.startsWith("file [") || description.startsWith("URL [") ? description : "a location";
        }

        /** Names how the key was given, never the key, key text misplaced as a location, or the passphrase. */
        @Override
        public String toString() {
            return "Identity[" + (privateKey != null && !privateKey.isBlank() ? "inline key"
                    : privateKeyLocation == null ? "no key"
                    : keyTextGivenAsLocation() ? "key text given as a location" : "key at " + where(privateKeyLocation))
                    + (passphrase == null ? "" : ", passphrase set") + "]";
        }
    }

    /**
     * @param accounts  connection strings by account name; a partner's channel names the account
     * @param blockSize bytes per staged block
     * @param timeout   per request
     */
    public record Blob(
            @DefaultValue Map<String, Account> accounts,
            @DefaultValue("4194304") @Min(1) int blockSize,
            @DefaultValue("60s") Duration timeout) {
    }

    /**
     * A storage account, one of two ways.
     *
     * @param connectionString the account's connection string (its key or a SAS included): never printed
     * @param endpoint         or its https URL, passwordless: the Azure SDK's default credential
     *                         (workload identity on AKS) with "Storage Blob Data Contributor" on the container
     */
    public record Account(String connectionString, java.net.URI endpoint) {

        /** The one the binder uses (a record with two constructors needs telling). */
        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Account {
        }

        public Account(String connectionString) {
            this(connectionString, null);
        }

        @Override
        public String toString() {
            return endpoint != null ? "Account[" + endpoint.getHost() + ", passwordless]"
                    : "Account[connection string " + (connectionString == null ? "not set" : "set") + "]";
        }
    }

    /**
     * @param enabled       fire the partners' crons (false: only the ops API runs exports)
     * @param lockAtMostFor a crashed instance's lock expires after this; longer than the longest run
     * @param lockAtLeastFor keeps a fast run's lock so another instance's clock skew cannot fire it twice
     */
    public record Schedule(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("6h") Duration lockAtMostFor,
            @DefaultValue("1m") Duration lockAtLeastFor) {
    }
}
