package com.fniexchange.export.support;

import com.fniexchange.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * TestInfrastructure plus what the batch side needs: contract-service running in the JVM (it
 * creates the contract schema and its views first), the claims and cancellation schemas, the SFTP server's client key as identity
 * {@code test}, Azurite as storage account {@code devstoreaccount1}, a fresh work directory.
 */
public class ExportTestInfrastructure extends TestInfrastructure {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        ContractServiceInProcess.port();
        OwningSchemas.migrate();
        Map<String, Object> props = new HashMap<>();
        try {
            props.put("fni.export.work-dir", Files.createTempDirectory("fni-export-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the two ways an operator gives a key: where it lies (a mounted secret), and the key itself (an environment variable)
        props.put("fni.export.sftp.identities.test.private-key-location", "file:" + TestSftpServer.get().clientKeyFile());
        try {
            props.put("fni.export.sftp.identities.inline.private-key", Files.readString(TestSftpServer.get().clientKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.put("fni.export.blob.accounts.devstoreaccount1.connection-string", Azurite.connectionString());
        // a server that trusts local connections ignores the password: give one anyway, so the tests can
        // look for it where no secret may be (logs, exit messages); a real one (FNI_TEST_DB_PASSWORD) is kept
        if (context.getEnvironment().getProperty("spring.datasource.password", "").isEmpty()) {
            props.put("spring.datasource.password", "test-only-db-password-" + Long.toHexString(System.nanoTime()));
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fni-export-test", props));
    }
}
