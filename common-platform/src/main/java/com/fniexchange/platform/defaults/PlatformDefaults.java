package com.fniexchange.platform.defaults;

import com.fniexchange.platform.Bindings;
import com.fniexchange.platform.consumer.ConsumerProperties;
import com.fniexchange.platform.consumer.DeadLetters;
import com.fniexchange.platform.stream.StreamAutoConfiguration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Settings every service shares, as lowest-precedence defaults (a service's own configuration
 * wins): where the database and the broker are, the service's schema, the profiles' meaning,
 * the web and actuator conventions, and the binder settings every publishing service needs.
 *
 * <p>Infrastructure: the datasource from {@code FNI_DB_URL}, {@code FNI_DB_USER} and
 * {@code FNI_DB_PASSWORD} (default the local server, database {@code fni}; any of them may be a
 * file in the folder {@code FNI_SECRETS_DIR}, {@link SecretFiles}; {@code FNI_DB_PASSWORDLESS=true}
 * logs in to Azure Database for PostgreSQL with the pod's Microsoft Entra identity instead of a
 * password), the Kafka broker
 * from {@code FNI_KAFKA_BROKERS}; {@code fni.schema} sets the schema, Flyway and the migrations
 * folder ({@link ServiceSchema}). Profiles {@code local}, {@code test} and {@code eventhubs}
 * mean the same on every service ({@link ProfileDefaults}).
 *
 * <p>Web: unknown JSON fields are refused (a typo is reported, not ignored); the actuator
 * exposes health (with probes), info, prometheus and metrics, every meter tagged with the
 * application name; logs are structured JSON (ECS) unless {@code FNI_LOG_FORMAT} says otherwise;
 * the OpenAPI document is OpenAPI 3.0, written with its keys sorted.
 *
 * <p>Stream: Sends return only once the broker acknowledged them, which
 * is what the outbox relay's "mark published after ack" rests on, and they keep partners'
 * messages clean: the contract number as the record key, CloudEvents headers and nothing else.
 *
 * <p>{@code fni.outbox.destinations} (a YAML list or comma-separated topics / event hubs) declares one output
 * binding per destination, named {@code <destination>-out-0}.
 *
 * <p>Kafka (default): sync producer (the outbox's own bindings are pipelined instead, and wait
 * for acknowledgements once per chain), idempotent, acks=all, String keys, batching with a 5 ms
 * linger and lz4 compression, and bounded timeouts so
 * a broker outage fails a send within seconds (the relay then backs off) instead of blocking.
 * The delivery timeout stays below the binder's sync send timeout, so a send that timed out is
 * never completed later behind the relay's back. Profile {@code eventhubs}: the Event Hubs
 * binder, sync producer, partition key header {@code azure_partition_key}, each outbox
 * destination on the hub {@code FNI_<DESTINATION>_HUB} names (default: the destination's name;
 * {@code FNI_CONTRACT_EVENTS_HUB} for {@code contract-events}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "fni-platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().remove(SOURCE);
        SecretFiles.addTo(environment);
        ProfileDefaults.addTo(environment);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.datasource.url", "${FNI_DB_URL:jdbc:postgresql://127.0.0.1:5432/fni}");
        defaults.put("spring.datasource.username", "${FNI_DB_USER:postgres}");
        defaults.put("spring.datasource.password", "${FNI_DB_PASSWORD:}");
        // a Microsoft Entra login instead of a password (Azure Database for PostgreSQL, workload identity)
        defaults.put("spring.datasource.azure.passwordless-enabled", "${FNI_DB_PASSWORDLESS:false}");
        defaults.put("spring.cloud.stream.kafka.binder.brokers", "${FNI_KAFKA_BROKERS:localhost:9092}");
        refuseAPasswordWithAPasswordlessLogin(environment);
        String schema = environment.getProperty(ServiceSchema.PROPERTY);
        if (schema != null && !schema.isBlank()) {
            defaults.putAll(ServiceSchema.settingsFor(schema.strip()));
        }
        String role = environment.getProperty(ServiceSchema.ROLE_PROPERTY);
        if (role != null && !role.isBlank()) {
            defaults.putAll(ServiceSchema.settingsForRole(role.strip()));
        }
        // one output binding per outbox destination, bound at start-up: a binding that failed while
        // the broker was down is retried by the binding service (StreamBridge's dynamic bindings are not)
        Map<String, String> outputs = new LinkedHashMap<>();
        destinations(environment).forEach(destination -> outputs.put(destination, destination));
        // consumers dead-letter through declared bindings too (see DeadLetters)
        consumedDestinations(environment).forEach(destination ->
                outputs.put(DeadLetters.bindingOf(destination), DeadLetters.of(destination)));
        if (!outputs.isEmpty()) {
            defaults.put("spring.cloud.stream.output-bindings", String.join(";", outputs.keySet()));
            outputs.forEach((name, destination) -> {
                String binding = bindingName(name);
                defaults.put("spring.cloud.stream.bindings." + binding + ".destination", destination);
                defaults.put("spring.cloud.stream.bindings." + binding + ".content-type", "application/json");
            });
        }
        if (!environment.acceptsProfiles(Profiles.of("eventhubs"))) {
            // outbox bodies are already the JSON bytes partners get: the Kafka serializer takes them
            // as they are, without the binder's message conversion on every send
            destinations(environment).forEach(destination -> defaults.put(
                    "spring.cloud.stream.bindings." + bindingName(destination) + ".producer.use-native-encoding", "true"));
        }
        defaults.put("spring.cloud.stream.binding-retry-interval", "5");
        // a request needs a database connection (pool of 10 to 20): more request threads than that
        // only wait for one, each with its stack and buffers; overload queues in the accept backlog
        defaults.put("server.tomcat.threads.max", "48");
        // and a bounded number of open connections: past it, callers wait in the accept backlog
        // instead of every queued request holding buffers on the heap until it runs out
        defaults.put("server.tomcat.max-connections", "512");
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        // strict numbers: 72.9 is not a whole number (it would be cut to 72) and "24500" is not a number
        defaults.put("spring.jackson.deserialization.accept-float-as-int", "false");
        defaults.put("spring.jackson.mapper.allow-coercion-of-scalars", "false");
        // the OpenAPI document with sorted keys: the same bytes on every run, like docs/openapi/<service>.json
        defaults.put("springdoc.writer-with-order-by-keys", "true");
        // OpenAPI 3.0 (nullable: true): what partners' generators and the contract tests' validator read best
        defaults.put("springdoc.api-docs.version", "openapi_3_0");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,outbox");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // see PlatformSecurityAutoConfiguration#securityObservationSettings
        defaults.put("management.observations.enable.spring.security", "false");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        // a few latency buckets per endpoint, for the p99 panel and alert (deploy/monitoring);
        // a full percentile histogram would be ~70 series per endpoint and status
        defaults.put("management.metrics.distribution.slo.http.server.requests", "50ms,100ms,250ms,500ms,1000ms,2500ms");
        defaults.put("logging.structured.format.console", "${FNI_LOG_FORMAT:ecs}");
        defaults.put("spring.cloud.stream.kafka.binder.header-mapper-bean-name", StreamAutoConfiguration.KAFKA_HEADER_MAPPER);
        defaults.put("spring.cloud.stream.kafka.binder.required-acks", "all");
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.key.serializer",
                "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.enable.idempotence", "true");
        // the binder's admin calls (partition lookup when binding) otherwise wait 60 s per try
        defaults.put("spring.kafka.admin.properties.default.api.timeout.ms", "3000");
        defaults.put("spring.kafka.admin.properties.request.timeout.ms", "2500");
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.max.block.ms", "3000");
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms", "4000");
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms", "8000");
        // the relay sends a pass's chains back to back: 5 ms lets them share produce requests (one
        // request per partition per pass instead of one per event) for at most 5 ms of latency
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.linger.ms", "5");
        // 64 KiB per partition batch: a pass of a few hundred ~1 KiB events fills none of them
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.batch.size", "65536");
        // JSON events compress ~3-5x; lz4 costs the least CPU of the codecs for that, on both sides
        defaults.put("spring.cloud.stream.kafka.binder.producer-properties.compression.type", "lz4");
        defaults.put("spring.cloud.stream.kafka.default.producer.sync", "true");
        defaults.put("spring.cloud.stream.kafka.default.producer.send-timeout-expression", "15000");
        if (environment.acceptsProfiles(Profiles.of("eventhubs"))) {
            defaults.put("spring.cloud.stream.default-binder", "eventhubs");
            destinations(environment).forEach(destination -> {
                String binding = "spring.cloud.stream.bindings." + bindingName(destination);
                defaults.put(binding + ".destination", "${" + hubVariable(destination) + ":" + destination + "}");
                defaults.put(binding + ".binder", "eventhubs");
            });
            defaults.put("spring.cloud.stream.eventhubs.default.producer.sync", "true");
            defaults.put("spring.cloud.stream.eventhubs.default.producer.send-timeout", "10s");
            defaults.put("fni.outbox.partition-key-header", "azure_partition_key");
        } else {
            defaults.put("spring.cloud.stream.default-binder", "kafka");
            defaults.put("fni.outbox.partition-key-header", "kafka_messageKey");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    /**
     * Spring Cloud Azure quietly drops a passwordless login when a password is set too (the driver
     * would then log in with the password, or fail with a confusing message): one or the other.
     */
    private static void refuseAPasswordWithAPasswordlessLogin(ConfigurableEnvironment environment) {
        boolean passwordless = "true".equalsIgnoreCase(environment.getProperty("FNI_DB_PASSWORDLESS", "").strip())
                || "true".equalsIgnoreCase(environment.getProperty("spring.datasource.azure.passwordless-enabled", "").strip());
        String password = environment.getProperty("FNI_DB_PASSWORD", environment.getProperty("spring.datasource.password", ""));
        if (passwordless && !password.isEmpty()) {
            throw new IllegalStateException("FNI_DB_PASSWORDLESS=true and a database password (FNI_DB_PASSWORD) are both set: "
                    + "a passwordless login uses the pod's Microsoft Entra identity, so remove the password");
        }
    }

    /**
     * {@code fni.outbox.destinations}, bound the way {@code OutboxProperties} binds it: a YAML list,
     * indexed properties or a comma-separated string (a plain {@code getProperty} sees no list).
     */
    static List<String> destinations(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("fni.outbox.destinations", Bindable.listOf(String.class))
                .orElse(List.of()).stream()
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .toList();
    }

    /**
     * The destinations of {@code fni.consumer.bindings.<function>.destination}; a Kafka binding that
     * reads several topics ({@code a,b}) dead-letters each to its own.
     */
    static List<String> consumedDestinations(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("fni.consumer.bindings", Bindable.mapOf(String.class, ConsumerProperties.Binding.class))
                .orElse(Map.of()).values().stream()
                .map(ConsumerProperties.Binding::destination)
                .filter(d -> d != null && !d.isBlank())
                .flatMap(d -> Arrays.stream(d.split(",")))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .distinct()
                .toList();
    }

    /** The variable naming an outbox destination's event hub: {@code FNI_CONTRACT_EVENTS_HUB} for {@code contract-events}. */
    static String hubVariable(String destination) {
        return "FNI_" + destination.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_HUB";
    }

    private static String bindingName(String destination) {
        return Bindings.outputOf(destination);
    }

    @Override
    public int getOrder() {
        // after Boot's config data processing, so profiles from application.yml are known
        return Ordered.LOWEST_PRECEDENCE;
    }
}
