package com.fniexchange.local;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker in a process of its own (the real {@code kafka.Kafka}, from this
 * module's class path), its log in the work folder so topics and offsets survive a restart. The
 * first start formats the storage; every start creates the platform's topics that are missing,
 * with the partitions the services expect. With {@code FNI_KAFKA_BROKERS} set, that broker is
 * used instead and only the topics are created.
 */
final class KafkaBroker {

    /** Every topic a service publishes to or dead-letters into. Three partitions: ordered per contract, spread over consumers. */
    static final List<String> TOPICS = List.of("contract-events", "claim-events", "cancellation-events",
            "contract-events.dlq", "claim-events.dlq", "cancellation-events.dlq");
    static final int PARTITIONS = 3;

    private KafkaBroker() {
    }

    /** The broker every service gets as {@code FNI_KAFKA_BROKERS}: an external one, or one started here. */
    static Started start(WorkFolder work, Map<String, String> environment, int port, Path repository, StartedParts parts) {
        String external = environment.get("FNI_KAFKA_BROKERS");
        if (external != null && !external.isBlank()) {
            createTopics(external, null);
            return new Started(external, null);
        }
        int controllerPort = port + 1;
        Path dir = work.kafka();
        Path config = dir.resolve("server.properties");
        Path data = dir.resolve("data");
        writeConfig(config, data, port, controllerPort);
        Path logback = dir.resolve("logback.xml");
        writeLogback(logback);
        // this launcher's own jar: its manifest puts Kafka and the rest of lib/ on the class path
        List<String> java = List.of(LocalMachine.java(), "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
                "-Dlogback.configurationFile=" + logback, "-cp", LocalPlatform.launcherJar().toString());
        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
            ChildProcess.start("kafka-format", format, repository, Map.of(), work, parts).awaitSuccess(Duration.ofSeconds(60), parts);
        }
        List<String> broker = new ArrayList<>(java);
        broker.addAll(List.of("kafka.Kafka", config.toString()));
        String brokers = "127.0.0.1:" + port;
        ChildProcess process = ChildProcess.start("kafka", broker, repository, Map.of(), work, parts);
        createTopics(brokers, process);
        return new Started(brokers, process);
    }

    /** The broker's address and, when the launcher started it, its process. */
    record Started(String brokers, ChildProcess process) {
    }

    private static void createTopics(String brokers, ChildProcess process) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (Admin admin = Admin.create(p)) {
            while (true) {
                if (process != null) {
                    process.requireAlive();
                }
                try {
                    Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t))
                            .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
                    if (!missing.isEmpty()) {
                        admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                    }
                    warnOfFewerPartitions(admin, TOPICS.stream().filter(existing::contains).toList());
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new LaunchFailure("kafka", "the broker at " + brokers + " did not answer within 90 s: "
                                + (e.getCause() == null ? e : e.getCause()).getMessage(), process == null ? null : process.log());
                    }
                    pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LaunchFailure("kafka", "interrupted while waiting for the broker");
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("kafka", "interrupted while waiting for the broker");
        }
    }

    /**
     * A topic that exists with fewer partitions than the services expect (made by hand, or by a
     * binder before the launcher ran) still works, with less parallelism; it is not widened, since
     * that would move contracts to other partitions and break their order.
     */
    private static void warnOfFewerPartitions(Admin admin, List<String> topics) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) -> {
            if (description.partitions().size() < PARTITIONS) {
                System.out.println("  note: topic " + topic + " has " + description.partitions().size() + " partition(s), not "
                        + PARTITIONS + "; it works, with less parallelism (--reset recreates it)");
            }
        });
    }

    private static void writeConfig(Path config, Path data, int port, int controllerPort) {
        String properties = """
                # Written by the local launcher at every start (edit deploy/local, not this file).
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=%4$d
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                # a laptop's disk: a week of events, at most 1 GiB a partition
                log.retention.hours=168
                log.retention.bytes=1073741824
                """.formatted(port, controllerPort, data.toString().replace("\\", "/"), PARTITIONS);
        try {
            Files.writeString(config, properties);
        } catch (IOException e) {
            throw new LaunchFailure("kafka", "cannot write the broker's configuration: " + e.getMessage());
        }
    }

    private static void writeLogback(Path file) {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("""
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <logger name="kafka" level="INFO"/>
                      <logger name="org.apache.kafka" level="WARN"/>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new LaunchFailure("kafka", "cannot write the broker's configuration: " + e.getMessage());
        }
    }
}
