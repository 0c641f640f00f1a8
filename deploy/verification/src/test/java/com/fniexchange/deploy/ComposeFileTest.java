package com.fniexchange.deploy;

import static com.fniexchange.deploy.YamlTree.map;
import static com.fniexchange.deploy.YamlTree.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml against what each service reads and what its image is: images, ports,
 * health checks, start order, every variable a service needs and none it does not read, secrets
 * as files only, memory limits that hold the shipped JVM flags, and the infrastructure around them.
 * There is no Docker engine here: the file is read as compose reads it (YAML with merge keys).
 */
class ComposeFileTest {

    private static final Map<String, Object> COMPOSE = load();

    /** A service of the file that runs one of the four: the Kafka one and its --profile eventhubs twin. */
    record Deployed(String name, Service service, boolean eventhubs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Deployed> deployed() {
        return services().keySet().stream()
                .filter(name -> Stream.of(Service.values()).anyMatch(s -> name.equals(s.id) || name.equals(s.id + "-eventhubs")))
                .map(name -> new Deployed(name, Service.byId(name.replace("-eventhubs", "")), name.endsWith("-eventhubs")));
    }

    @Test
    void runsEveryServiceOnKafkaAndTheStreamingOnesOnTheEventHubsEmulatorToo() {
        assertThat(deployed().map(Deployed::name)).containsExactlyInAnyOrder("contract-service", "claims-service", "cancellation-service",
                "batch-export-service", "contract-service-eventhubs", "claims-service-eventhubs", "cancellation-service-eventhubs");
        assertThat(profiles("kafka")).contains("kafka", "kafka-init", "contract-service", "claims-service", "cancellation-service");
        assertThat(profiles("eventhubs")).contains("eventhubs-emulator", "contract-service-eventhubs");
        assertThat(Repository.read(".env")).as("plain `docker compose up` is the Kafka platform").contains("COMPOSE_PROFILES=kafka");
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void runsTheImageJibBuildsOnItsOwnPortOnLoopbackOnly(Deployed deployed) {
        Map<String, Object> service = service(deployed.name());
        assertThat(service.get("image")).isEqualTo("${FNI_IMAGE_REGISTRY:-fni-exchange}/" + deployed.service().id + ":${FNI_VERSION:-"
                + Repository.version() + "}");
        assertThat(Repository.read("pom.xml")).as("the name Jib gives it")
                .contains("<image>${fni.image.registry}/${project.artifactId}:${project.version}</image>", "<fni.image.registry>fni-exchange</fni.image.registry>");
        int port = deployed.service().port();
        assertThat(strings(service, "ports")).containsExactly("127.0.0.1:" + port + ":" + port);
        assertThat(service.get("read_only")).as("read-only root filesystem").isEqualTo(true);
        assertThat(strings(service, "cap_drop")).containsExactly("ALL");
        assertThat(strings(service, "tmpfs")).anyMatch(t -> t.startsWith("/tmp:"));
        if (deployed.eventhubs()) {
            assertThat(map(map(service, "networks"), "default").get("aliases")).as("scraped under the Kafka one's name")
                    .isEqualTo(List.of(deployed.service().id));
        }
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void isHealthyOnlyWhenItsReadinessGroupIsUp(Deployed deployed) {
        Map<String, Object> check = map(service(deployed.name()), "healthcheck");
        String test = String.join(" ", strings(check, "test"));
        assertThat(test).contains("/dev/tcp/127.0.0.1/" + deployed.service().port(), "GET /actuator/health/readiness", "\"UP\"");
        assertThat(check).containsKeys("interval", "timeout", "retries", "start_period");
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void startsOnlyOnceWhatItNeedsIsHealthy(Deployed deployed) {
        Map<String, Object> dependsOn = map(service(deployed.name()), "depends_on");
        List<String> needs = new ArrayList<>(List.of("postgres"));
        if (deployed.service().streams) {
            needs.add(deployed.eventhubs() ? "eventhubs-ready" : "kafka-init");
        }
        if (deployed.service() == Service.BATCH_EXPORT) {
            needs.addAll(List.of("azurite", "sftp"));
        }
        assertThat(dependsOn.keySet()).containsExactlyInAnyOrderElementsOf(needs);
        dependsOn.forEach((name, value) -> {
            String condition = String.valueOf(((Map<?, ?>) value).get("condition"));
            if (name.equals("kafka-init") || name.equals("eventhubs-ready")) {
                assertThat(condition).as("the topics exist, or the emulator answers its health endpoint")
                        .isEqualTo("service_completed_successfully");
            } else {
                assertThat(condition).as("%s waits on %s", deployed.name(), name).isEqualTo("service_healthy");
                assertThat(service(name)).as("%s has a health check", name).containsKey("healthcheck");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void setsEveryVariableTheServiceNeedsAndNoneItDoesNotRead(Deployed deployed) {
        Service service = deployed.service();
        Map<String, Object> environment = map(service(deployed.name()), "environment");
        Set<String> given = new java.util.TreeSet<>(environment.keySet());
        given.addAll(secretTargets(deployed.name()).keySet());
        List<String> needs = new ArrayList<>(List.of("SPRING_PROFILES_ACTIVE", "FNI_DB_URL", "FNI_DB_USER", "FNI_DB_PASSWORD", "FNI_DB_ROLE",
                "FNI_SECRETS_DIR", "FNI_DEV_JWT_SECRET"));
        if (service.streams) {
            needs.addAll(deployed.eventhubs()
                    ? List.of("AZURE_EVENTHUBS_CONNECTION_STRING", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_STORAGE_ACCOUNT_KEY")
                    : List.of("FNI_KAFKA_BROKERS"));
        }
        if (service == Service.BATCH_EXPORT) {
            needs.addAll(List.of("FNI_BLOB_CONNECTION_STRING", "FNI_EXPORT_WORK_DIR"));
        }
        assertThat(given).as("%s is given what it needs", deployed.name()).containsAll(needs);
        assertThat(given).as("%s: every variable set is one it reads", deployed.name()).allMatch(service::bindsVariable);
        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo(deployed.eventhubs() ? "eventhubs,local" : "local");
        assertThat(environment.get("FNI_DB_USER")).as("its own login, a role of deploy/db/service-roles.sql")
                .isEqualTo("fni_" + service.id.replace("-service", "").replace('-', '_'));
        assertThat(Repository.read("deploy/db/service-roles.sql")).contains("'" + service.id.replace("-service", "").replace('-', '_') + "'");
        if (service.streams && !deployed.eventhubs()) {
            assertThat(environment.get("FNI_KAFKA_BROKERS")).isEqualTo("kafka:9092");
        }
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void getsSecretsAsFilesNeverAsValues(Deployed deployed) {
        Map<String, Object> environment = map(service(deployed.name()), "environment");
        assertThat(environment.keySet()).as("no secret value in %s's environment", deployed.name())
                .noneMatch(name -> Service.isSecret(name));
        assertThat(environment.get("FNI_SECRETS_DIR")).isEqualTo("/run/secrets");
        Map<String, Object> declared = map(COMPOSE, "secrets");
        String maker = Repository.read("deploy/compose/make-secrets.sh");
        secretTargets(deployed.name()).forEach((target, source) -> {
            assertThat(declared).as("secret %s is declared", source).containsKey(source);
            String file = String.valueOf(((Map<?, ?>) declared.get(source)).get("file"));
            assertThat(file).as("from a file make-secrets.sh writes, outside git").startsWith("./deploy/compose/secrets/");
            assertThat(maker).contains(file.substring(file.lastIndexOf('/') + 1).replace(".pub", ""));
        });
        assertThat(Repository.read(".gitignore")).contains("deploy/compose/secrets/");
    }

    @ParameterizedTest
    @MethodSource("deployed")
    void hasAMemoryLimitThatHoldsTheHeapTheImageFixesAndTheJvmsOwnMemory(Deployed deployed) {
        long limitMiB = mebibytes(String.valueOf(service(deployed.name()).get("mem_limit")));
        int heap = deployed.service().heapMiB();
        // class metadata, JIT code, threads and direct buffers: about 230 MiB measured (deploy/jvm/service.options)
        assertThat(limitMiB).as("%s: -Xmx%dm plus the JVM's own", deployed.name(), heap).isGreaterThanOrEqualTo(heap + 256L);
        // a tmpfs work folder is memory too
        long tmpfs = strings(service(deployed.name()), "tmpfs").stream().map(ComposeFileTest::tmpfsSize).mapToLong(Long::longValue).sum();
        assertThat(limitMiB).as("%s: and its tmpfs", deployed.name()).isGreaterThanOrEqualTo(heap + 256L + tmpfs);
    }

    @Test
    void bringsUpTheInfrastructureTheServicesAndOperatorsUse() {
        assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:16.");
        assertThat(strings(service("postgres"), "volumes")).anyMatch(v -> v.startsWith("./deploy/db/service-roles.sql:/docker-entrypoint-initdb.d/"));
        assertThat(String.valueOf(map(service("kafka"), "environment").get("KAFKA_PROCESS_ROLES"))).as("KRaft").isEqualTo("broker,controller");
        assertThat(String.join(" ", strings(service("kafka-init"), "command"))).contains("contract-events", "claim-events", "cancellation-events",
                "contract-events.dlq", "claim-events.dlq", "cancellation-events.dlq", "--partitions 3");
        assertThat(String.valueOf(service("azurite").get("image"))).startsWith("mcr.microsoft.com/azure-storage/azurite:");
        assertThat(strings(service("azurite"), "command")).as("Blob, and Table for the Event Hubs emulator's metadata")
                .startsWith("azurite").contains("--tableHost", "--blobHost");
        assertThat(String.join(" ", strings(service("eventhubs-ready"), "command"))).contains("http://eventhubs-emulator:5300/health");
        assertThat(map(service("kafka"), "environment")).containsEntry("KAFKA_LOG_DIRS", "/var/lib/kafka/data")
                .containsKey("KAFKA_HEAP_OPTS");
        assertThat(strings(service("kafka"), "volumes")).contains("kafka-data:/var/lib/kafka/data");
        assertThat(String.join(" ", strings(service("sftp"), "secrets"))).as("host keys that survive a recreate")
                .contains("/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_rsa_key");
        assertThat(String.join(" ", strings(service("sftp"), "command"))).startsWith("partner:");
        assertThat(strings(service("prometheus"), "volumes")).anyMatch(v -> v.startsWith("./deploy/monitoring/alerts.yml:"));
        assertThat(strings(service("grafana"), "volumes")).anyMatch(v -> v.startsWith("./deploy/monitoring/grafana:"))
                .anyMatch(v -> v.startsWith("./deploy/compose/grafana/provisioning:"));
        assertThat(map(service("grafana"), "environment")).containsKey("GF_SECURITY_ADMIN_PASSWORD__FILE");
        assertThat(String.valueOf(service("eventhubs-emulator").get("image"))).startsWith("mcr.microsoft.com/azure-messaging/eventhubs-emulator:");
        String prometheus = Repository.read("deploy/compose/prometheus.yml");
        for (Service s : Service.values()) {
            assertThat(prometheus).as("Prometheus scrapes %s", s.id).contains(s.id + ":" + s.port());
        }
        String hubs = Repository.read("deploy/compose/eventhubs/Config.json");
        assertThat(hubs).contains("\"contract-events\"", "\"claim-events\"", "\"cancellation-events\"", "\"contract-events.dlq\"");
    }

    @Test
    void scrapesEveryServiceWithAnOpsTokenMintedForPrometheus() {
        assertThat(strings(service("prometheus"), "secrets")).contains("prometheus-token");
        assertThat(Repository.read("deploy/compose/prometheus.yml")).contains("credentials_file: /run/secrets/prometheus-token");
        assertThat(Repository.read("deploy/compose/make-secrets.sh")).contains("write prometheus-token", "dev-token.sh\" OPS");
    }

    @Test
    void pinsEveryImageToAnExactTagAndMountsOnlyFilesThatExist() {
        services().forEach((name, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) value;
            String image = String.valueOf(service.get("image"));
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(image).as("%s's image", name).contains(":");
            assertThat(tag).as("%s's tag", name).isNotIn("latest", "");
            for (String volume : strings(service, "volumes")) {
                if (volume.startsWith("./")) {
                    assertThat(Repository.path(volume.substring(2, volume.indexOf(':')))).as("%s mounts %s", name, volume).exists();
                }
            }
        });
        assertThat(Files.isExecutable(Repository.path("deploy/compose/postgres/20-service-logins.sh"))).isTrue();
    }

    private static Map<String, String> secretTargets(String name) {
        Map<String, String> targets = new LinkedHashMap<>();
        Object secrets = service(name).get("secrets");
        if (secrets instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m) {
                    targets.put(String.valueOf(m.get("target") != null ? m.get("target") : m.get("source")), String.valueOf(m.get("source")));
                } else {
                    targets.put(String.valueOf(entry), String.valueOf(entry));
                }
            }
        }
        // a secret mounted under its own name (a key file) is not a variable
        targets.keySet().removeIf(t -> !t.matches("[A-Z][A-Z0-9_]*"));
        return targets;
    }

    private static List<String> profiles(String profile) {
        List<String> names = new ArrayList<>();
        services().forEach((name, value) -> {
            if (strings(YamlTree.castMap(value), "profiles").contains(profile)) {
                names.add(name);
            }
        });
        return names;
    }

    private static long mebibytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([mg])").matcher(size.toLowerCase());
        assertThat(m.matches()).as("a memory limit like 512m: %s", size).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("g") ? 1024 : 1);
    }

    private static long tmpfsSize(String tmpfs) {
        Matcher m = Pattern.compile("size=(\\d+)([mg])").matcher(tmpfs);
        assertThat(m.find()).as("a tmpfs with a size: %s", tmpfs).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("g") ? 1024 : 1);
    }

    private static Map<String, Object> services() {
        return map(COMPOSE, "services");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> services = services();
        assertThat(services).containsKey(name);
        return map(services, name);
    }

    private static Map<String, Object> load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> compose = new Yaml(options).load(Repository.read("docker-compose.yml"));
        return compose;
    }
}
