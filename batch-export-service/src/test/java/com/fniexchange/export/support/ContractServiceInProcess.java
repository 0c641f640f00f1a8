package com.fniexchange.export.support;

import com.fniexchange.contract.ContractServiceApplication;
import com.fniexchange.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * contract-service itself (its plain jar), running in the test JVM on a random port against the
 * JVM's test database and embedded broker: it owns the contract schema and its reporting views,
 * takes contracts through its real API and publishes their events through its relay.
 * Its own application.yml is shadowed on this classpath by this module's, so its settings are given here.
 */
public final class ContractServiceInProcess {

    private static ConfigurableApplicationContext context;

    private ContractServiceInProcess() {
    }

    public static synchronized int port() {
        if (context == null) {
            context = new SpringApplicationBuilder(ContractServiceApplication.class)
                    .profiles("test")
                    .initializers(new TestInfrastructure())
                    .properties(
                            // no application.yml of this module: contract-service's own settings follow
                            "spring.config.name=contract-service-in-batch-tests",
                            "spring.application.name=contract-service",
                            "spring.datasource.hikari.schema=contract",
                            "spring.flyway.schemas=contract",
                            "spring.flyway.default-schema=contract",
                            "server.port=0",
                            "fni.business-zone=America/New_York",
                            "fni.outbox.destinations=contract-events",
                            "fni.outbox.poll-interval=200ms",
                            "fni.outbox.backoff-initial=100ms",
                            "fni.outbox.backoff-max=1s",
                            "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration",
                            "logging.structured.format.console=",
                            "logging.level.org.apache.kafka=WARN",
                            "logging.level.kafka=WARN",
                            "logging.level.state.change.logger=WARN")
                    .run();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "contract-service-stop"));
        }
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
