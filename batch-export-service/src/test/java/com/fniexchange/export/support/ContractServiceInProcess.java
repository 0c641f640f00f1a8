package com.fniexchange.export.support;

import com.fniexchange.contract.ContractServiceApplication;
import com.fniexchange.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.UrlResource;
import org.springframework.web.context.support.StandardServletEnvironment;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * contract-service itself (its plain jar), running in the test JVM on a random port against the
 * JVM's test database and embedded broker: it owns the contract schema and its reporting views,
 * takes contracts through its real API and publishes their events through its relay.
 * Its own application.yml is shadowed on this classpath by this module's: it is read from
 * contract-service's jar explicitly, below the test's settings given here.
 */
public final class ContractServiceInProcess {

    private static ConfigurableApplicationContext context;

    private ContractServiceInProcess() {
    }

    public static synchronized int port() {
        if (context == null) {
            // in the environment from the start: environment post-processors (consumer bindings) read it
            StandardServletEnvironment environment = new StandardServletEnvironment();
            ownApplicationYml().forEach(source -> environment.getPropertySources().addLast(source));
            // above its application.yml (server.port: ${PORT:8081}): a default property would lose to it,
            // and the in-process service would take 8081 from a developer's running one or a parallel build
            environment.getPropertySources().addFirst(new MapPropertySource(
                    "contract-service-in-batch-tests", Map.of("server.port", "0")));
            context = new SpringApplicationBuilder(ContractServiceApplication.class)
                    .environment(environment)
                    .profiles("test")
                    .initializers(new TestInfrastructure())
                    .properties(
                            // not this module's application.yml (contract-service's own is added above)
                            "spring.config.name=contract-service-in-batch-tests",
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

    private static List<PropertySource<?>> ownApplicationYml() {
        try {
            for (URL url : Collections.list(ContractServiceApplication.class.getClassLoader().getResources("application.yml"))) {
                if (url.toString().contains("contract-service")) {
                    return new YamlPropertySourceLoader().load("contract-service application.yml", new UrlResource(url));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read contract-service's application.yml", e);
        }
        throw new IllegalStateException("contract-service's application.yml is not on the classpath");
    }
}
