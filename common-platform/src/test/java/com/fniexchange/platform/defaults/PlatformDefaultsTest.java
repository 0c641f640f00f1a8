package com.fniexchange.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** What a service gets without writing it: infrastructure, schema and profile defaults, and that its own settings win. */
class PlatformDefaultsTest {

    @Test
    void theSchemaSetsTheConnectionFlywayAndTheMigrationsFolder() {
        StandardEnvironment env = service(Map.of("fni.schema", "claims"));
        assertThat(env.getProperty("spring.datasource.hikari.schema")).isEqualTo("claims");
        assertThat(env.getProperty("spring.flyway.schemas")).isEqualTo("claims");
        assertThat(env.getProperty("spring.flyway.default-schema")).isEqualTo("claims");
        assertThat(env.getProperty("spring.flyway.locations")).isEqualTo("classpath:db/claims");
    }

    @Test
    void aServicesOwnSettingBeatsTheDerivedOne() {
        StandardEnvironment env = service(Map.of("fni.schema", "claims", "spring.flyway.locations", "classpath:db/elsewhere"));
        assertThat(env.getProperty("spring.flyway.locations")).isEqualTo("classpath:db/elsewhere");
        assertThat(env.getProperty("spring.flyway.schemas")).isEqualTo("claims");
    }

    @Test
    void aSchemaThatIsNoPlainIdentifierStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> service(Map.of("fni.schema", "claims; DROP SCHEMA x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fni.schema").hasMessageContaining("identifier");
        assertThatThrownBy(() -> service(Map.of("fni.schema", "Claims"))).hasMessageContaining("fni.schema");
    }

    @Test
    void aDatabaseRoleMakesEveryConnectionActAsItAndOnlyAPlainIdentifierIsTaken() {
        StandardEnvironment operator = new StandardEnvironment();
        operator.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("FNI_DB_ROLE", "fni_claims")));
        new PlatformDefaults().postProcessEnvironment(operator, null);
        assertThat(operator.getProperty("spring.datasource.hikari.connection-init-sql")).as("given as an operator gives it")
                .isEqualTo("SET ROLE fni_claims");
        assertThat(service(Map.of()).getProperty("spring.datasource.hikari.connection-init-sql")).as("no role: the login user").isNull();
        assertThatThrownBy(() -> service(Map.of("fni.db.role", "fni_claims; RESET ROLE")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fni.db.role");
    }

    @Test
    void theDatabaseAndBrokerComeFromTheOperatorsVariablesOrTheLocalServer() {
        StandardEnvironment local = service(Map.of());
        assertThat(local.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/fni");
        assertThat(local.getProperty("spring.datasource.username")).isEqualTo("postgres");
        assertThat(local.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo("localhost:9092");

        StandardEnvironment given = service(Map.of("FNI_DB_URL", "jdbc:postgresql://db.internal:6432/fni_prod",
                "FNI_DB_USER", "contract_app", "FNI_KAFKA_BROKERS", "k1:9092,k2:9092"));
        assertThat(given.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:6432/fni_prod");
        assertThat(given.getProperty("spring.datasource.username")).isEqualTo("contract_app");
        assertThat(given.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo("k1:9092,k2:9092");
    }

    @Test
    void profileLocalMeansTheDevSecretAndPlainLogsOnEveryService() {
        StandardEnvironment env = service(Map.of(), "local");
        assertThat(env.getProperty("fni.security.jwt.hmac-secret")).startsWith("local-dev-only-");
        assertThat(env.getProperty("fni.security.jwt.issuer")).isEqualTo("fni-exchange-dev");
        assertThat(env.getProperty("logging.structured.format.console")).isEmpty();

        assertThat(service(Map.of()).getProperty("fni.security.jwt.hmac-secret")).as("no secret without the profile").isNull();
        assertThat(service(Map.of()).getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(service(Map.of("fni.security.jwt.issuer", "own-issuer"), "local").getProperty("fni.security.jwt.issuer"))
                .as("the service's own setting wins over the profile's").isEqualTo("own-issuer");
    }

    @Test
    void profileEventHubsPutsEachOutboxDestinationOnTheHubItsVariableNames() {
        StandardEnvironment env = service(Map.of("fni.outbox.destinations", "contract-events",
                "FNI_CONTRACT_EVENTS_HUB", "contracts-prod", "AZURE_EVENTHUBS_NAMESPACE", "fni-prod"), "eventhubs");
        assertThat(env.getProperty("spring.cloud.stream.default-binder")).isEqualTo("eventhubs");
        assertThat(env.getProperty("spring.cloud.stream.bindings.contract-events-out-0.destination")).isEqualTo("contracts-prod");
        assertThat(env.getProperty("spring.cloud.stream.bindings.contract-events-out-0.binder")).isEqualTo("eventhubs");
        assertThat(env.getProperty("spring.cloud.azure.eventhubs.namespace")).isEqualTo("fni-prod");
        assertThat(env.getProperty("fni.outbox.partition-key-header")).isEqualTo("azure_partition_key");

        StandardEnvironment kafka = service(Map.of("fni.outbox.destinations", "contract-events", "FNI_CONTRACT_EVENTS_HUB", "contracts-prod"));
        assertThat(kafka.getProperty("spring.cloud.stream.bindings.contract-events-out-0.destination"))
                .as("a hub name means nothing to Kafka").isEqualTo("contract-events");
        assertThat(PlatformDefaults.hubVariable("cancellation-events")).isEqualTo("FNI_CANCELLATION_EVENTS_HUB");
    }

    @Test
    void profileTestComesFromTheTestSupportJarAndTheLaterProfileWins() {
        StandardEnvironment env = service(Map.of(), "test");
        assertThat(env.getProperty("fni.outbox.poll-interval")).isEqualTo("200ms");
        assertThat(env.getProperty("logging.level.org.apache.kafka")).isEqualTo("WARN");
        // both files set the console format; the profile named last wins, as in Boot
        assertThat(service(Map.of("FNI_LOG_FORMAT", "logfmt"), "test", "local").getProperty("logging.structured.format.console"))
                .isEqualTo("logfmt");
        assertThat(service(Map.of("FNI_LOG_FORMAT", "logfmt"), "local", "test").getProperty("logging.structured.format.console"))
                .isEmpty();
    }

    @Test
    void aSecondPassReplacesTheDefaultsInsteadOfStackingThem() {
        StandardEnvironment env = service(Map.of("fni.schema", "claims"), "local");
        int sources = env.getPropertySources().size();
        new PlatformDefaults().postProcessEnvironment(env, null);
        assertThat(env.getPropertySources().size()).isEqualTo(sources);
    }

    @Test
    void secretsMountedAsFilesInTheSecretsFolderAreReadAsTheirVariablesAndAnEnvironmentVariableWins(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("FNI_DB_PASSWORD"), "mounted-db-password\n");
        Files.writeString(folder.resolve("FNI_DB_USER"), "from-a-file");
        StandardEnvironment operator = operator(Map.of("FNI_SECRETS_DIR", folder.toString(), "FNI_DB_USER", "from-the-environment"));
        assertThat(operator.getProperty("spring.datasource.password")).as("without the file's newline").isEqualTo("mounted-db-password");
        assertThat(operator.getProperty("spring.datasource.username")).isEqualTo("from-the-environment");

        assertThat(operator(Map.of()).getProperty("spring.datasource.password")).as("no folder, no secret").isEmpty();

        // named like an environment variable, bound like one: a setting with no placeholder of its own
        Files.writeString(folder.resolve("FNI_EXPORT_BLOB_ACCOUNTS_PARTNERBLOB_CONNECTIONSTRING"), "AccountName=p;AccountKey=k\r\n");
        Files.createDirectory(folder.resolve("..data"));
        StandardEnvironment relaxed = operator(Map.of("FNI_SECRETS_DIR", folder.toString()));
        assertThat(Binder.get(relaxed).bind("fni.export.blob.accounts.partnerblob.connection-string", String.class).get())
                .isEqualTo("AccountName=p;AccountKey=k");
        assertThatThrownBy(() -> operator(Map.of("FNI_SECRETS_DIR", folder.resolve("absent").toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FNI_SECRETS_DIR").hasMessageContaining("not a readable folder")
                .hasMessageNotContaining("mounted-db-password");
    }

    @Test
    void aPasswordlessDatabaseLoginIsTheOperatorsChoice() {
        assertThat(operator(Map.of()).getProperty("spring.datasource.azure.passwordless-enabled")).isEqualTo("false");
        assertThat(operator(Map.of("FNI_DB_PASSWORDLESS", "true")).getProperty("spring.datasource.azure.passwordless-enabled"))
                .isEqualTo("true");
        assertThatThrownBy(() -> operator(Map.of("FNI_DB_PASSWORDLESS", "true", "FNI_DB_PASSWORD", "left-over-password")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FNI_DB_PASSWORDLESS")
                .hasMessageNotContaining("left-over-password");
    }

    private static StandardEnvironment operator(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new PlatformDefaults().postProcessEnvironment(env, null);
        return env;
    }

    /** A service's environment: its own settings (as its application.yml would give them), then the platform's defaults. */
    private static StandardEnvironment service(Map<String, Object> own, String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addLast(new MapPropertySource("service", new LinkedHashMap<>(own)));
        env.setActiveProfiles(profiles);
        new PlatformDefaults().postProcessEnvironment(env, null);
        return env;
    }
}
