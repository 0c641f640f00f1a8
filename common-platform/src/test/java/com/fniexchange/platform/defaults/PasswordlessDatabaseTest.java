package com.fniexchange.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.spring.cloud.autoconfigure.implementation.context.AzureGlobalPropertiesAutoConfiguration;
import com.azure.spring.cloud.autoconfigure.implementation.jdbc.AzureJdbcAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * FNI_DB_PASSWORDLESS (spring.datasource.azure.passwordless-enabled) puts the Azure identity
 * authentication plugin on the JDBC URL, so the driver logs in with a Microsoft Entra token (the
 * pod's workload identity) instead of a password; without it the URL is the operator's as given.
 * No connection is made: the plugin fetches its token on the first connection.
 */
class PasswordlessDatabaseTest {

    private static final String AZURE_URL = "jdbc:postgresql://fni-prod-pg.postgres.database.azure.com:5432/fni?sslmode=require";
    private static final String PLUGIN = "authenticationPluginClassName=com.azure.identity.extensions.jdbc.postgresql.AzurePostgresqlAuthenticationPlugin";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, AzureGlobalPropertiesAutoConfiguration.class,
                    AzureJdbcAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + AZURE_URL, "spring.datasource.username=fni-contract-service");

    @Test
    void aPasswordlessLoginTakesTheAzureIdentityPluginAndAPasswordLoginDoesNot() {
        service.withPropertyValues("spring.datasource.azure.passwordless-enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DataSourceProperties.class).getUrl()).startsWith(AZURE_URL).contains(PLUGIN);
        });
        service.withPropertyValues("spring.datasource.azure.passwordless-enabled=false", "spring.datasource.password=given").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DataSourceProperties.class).getUrl()).isEqualTo(AZURE_URL);
        });
    }
}
