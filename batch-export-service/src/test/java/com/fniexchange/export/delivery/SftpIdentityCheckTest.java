package com.fniexchange.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.export.ExportProperties;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;

/** An identity is the key itself or where it lies; a wrong one stops start-up naming the identity, never the key. */
class SftpIdentityCheckTest {

    static String key;
    static String encrypted;
    /** A line from the middle of the key: what must never appear in any message. */
    static String keyBody;

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() throws Exception {
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "partner", null, out);
        key = out.toString(StandardCharsets.US_ASCII);
        keyBody = key.lines().skip(2).findFirst().orElseThrow();
        OpenSSHKeyEncryptionContext aes = new OpenSSHKeyEncryptionContext();
        aes.setPassword("correct horse battery staple");
        aes.setCipherName("AES");
        aes.setCipherMode("CTR");
        aes.setCipherType("256");
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "partner", aes, sealed);
        encrypted = sealed.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void theKeyItselfAndTheKeyWhereItLiesBothServe() throws Exception {
        Path file = Files.writeString(dir.resolve("partner-key"), key);
        Path sealedFile = Files.writeString(dir.resolve("sealed-key"), encrypted);
        assertThat(SftpIdentityCheck.check("inline", new ExportProperties.Identity(key, null, null))).isEmpty();
        assertThat(SftpIdentityCheck.check("mounted", new ExportProperties.Identity(null, new FileSystemResource(file), null))).isEmpty();
        assertThat(SftpIdentityCheck.check("sealed", new ExportProperties.Identity(null, new FileSystemResource(sealedFile),
                "correct horse battery staple"))).isEmpty();
        assertThat(new ExportProperties.Identity(key, null, null).key().getContentAsString(StandardCharsets.US_ASCII)).isEqualTo(key);
    }

    @Test
    void eachWrongIdentityIsNamedAndNoneOfItsContentShown() {
        Map<String, ExportProperties.Identity> wrong = new LinkedHashMap<>();
        wrong.put("both", new ExportProperties.Identity(key, new FileSystemResource(dir.resolve("k")), null));
        wrong.put("none", new ExportProperties.Identity(null, null, "pass-never-shown"));
        // what a secret store's value put under the location name becomes: Spring takes it for a path
        wrong.put("misplaced", new ExportProperties.Identity(null, new DefaultResourceLoader().getResource(key), null));
        wrong.put("missing", new ExportProperties.Identity(null, new FileSystemResource(dir.resolve("no-such-key")), null));
        wrong.put("garbage", new ExportProperties.Identity("-----BEGIN OPENSSH PRIVATE KEY-----\n" + keyBody + "\n", null, null));
        wrong.put("locked", new ExportProperties.Identity(encrypted, null, null));
        wrong.put("wrongpass", new ExportProperties.Identity(encrypted, null, "pass-never-shown"));

        ExportProperties properties = properties(wrong);
        assertThatThrownBy(() -> new SftpIdentityCheck(properties).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fni.export.sftp.identities.both: give private-key or private-key-location, not both")
                .hasMessageContaining("fni.export.sftp.identities.none: no key")
                .hasMessageContaining("fni.export.sftp.identities.misplaced.private-key-location holds key text, not a location")
                .hasMessageContaining("fni.export.sftp.identities.missing.private-key-location: no such file or resource")
                .hasMessageContaining("fni.export.sftp.identities.garbage.private-key")
                .hasMessageContaining("fni.export.sftp.identities.locked.private-key")
                .hasMessageContaining("fni.export.sftp.identities.wrongpass.private-key")
                .hasMessageNotContaining(keyBody)
                .hasMessageNotContaining("pass-never-shown")
                .satisfies(e -> assertThat(e.getCause()).isNull());
        for (ExportProperties.Identity identity : wrong.values()) {
            assertThat(identity.toString()).doesNotContain(keyBody).doesNotContain("pass-never-shown");
        }
    }

    @Test
    void identitiesThatAllServeLetTheServiceStart() throws Exception {
        Path file = Files.writeString(dir.resolve("ok-key"), key);
        SftpIdentityCheck check = new SftpIdentityCheck(properties(Map.of("a", new ExportProperties.Identity(key, null, null),
                "b", new ExportProperties.Identity(null, new FileSystemResource(file), null))));
        assertThatCode(check::afterPropertiesSet).doesNotThrowAnyException();
    }

    @Test
    void aKeyGivenThroughTheEnvironmentIsBoundAndCheckedWhenTheServiceStarts() throws Exception {
        // as an operator gives it: the secret store's value in an environment variable (a source Spring Boot maps as the environment)
        contextWith(Map.of("FNI_EXPORT_SFTP_IDENTITIES_PROD_PRIVATEKEY", key)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SftpIdentityCheck.class);
            assertThat(context.getBean(ExportProperties.class).sftp().identities().get("prod").key()
                    .getContentAsString(StandardCharsets.US_ASCII)).isEqualTo(key);
        });
        // the reported leak: the key under the location's name; and a location left under the old name
        contextWith(Map.of("FNI_EXPORT_SFTP_IDENTITIES_PROD_PRIVATEKEYLOCATION", key,
                "FNI_EXPORT_SFTP_IDENTITIES_OLD_PRIVATEKEY", "file:/run/secrets/partner-key")).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString())
                    .contains("fni.export.sftp.identities.prod.private-key-location holds key text, not a location")
                    .contains("fni.export.sftp.identities.old.private-key holds a location, not a key")
                    .doesNotContain(keyBody);
        });
    }

    private static ApplicationContextRunner contextWith(Map<String, Object> environment) {
        Map<String, Object> all = new java.util.HashMap<>(environment);
        all.put("FNI_EXPORT_WORKDIR", dir.toString());
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("operator-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, all)))
                .withUserConfiguration(IdentityCheckOnly.class);
    }

    @EnableConfigurationProperties(ExportProperties.class)
    @Import(SftpIdentityCheck.class)
    static class IdentityCheckOnly {
    }

    private static ExportProperties properties(Map<String, ExportProperties.Identity> identities) {
        return new ExportProperties(dir, 5000, 6, 1000, Duration.ofDays(30),
                new ExportProperties.Sftp(identities, Duration.ofSeconds(10), 4, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                new ExportProperties.Blob(Map.of(), 4_194_304, Duration.ofSeconds(60)),
                new ExportProperties.Schedule(false, Duration.ofHours(6), Duration.ofMinutes(1)));
    }
}
