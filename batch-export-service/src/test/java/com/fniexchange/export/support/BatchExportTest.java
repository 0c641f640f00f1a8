package com.fniexchange.export.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port with real PostgreSQL, contract-service in the same JVM,
 * the in-process SFTP server and Azurite. Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ExportTestInfrastructure.class)
@ActiveProfiles("test")
@AutoConfigureObservability
@Import({BatchExportTest.Faults.class, PartnerExports.class})
public @interface BatchExportTest {

    @TestConfiguration
    class Faults {
        @Bean
        TestFaults testFaults() {
            return new TestFaults();
        }
    }
}
