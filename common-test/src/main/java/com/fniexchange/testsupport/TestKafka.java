package com.fniexchange.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (embedded KRaft, spring-kafka-test) shared by every test of one JVM,
 * plus a plain consumer for reading what services published the way a partner would.
 */
public final class TestKafka {

    /** Partitions per topic: more than one, so keying by contract number is actually exercised. */
    public static final int PARTITIONS = 3;

    private static volatile EmbeddedKafkaKraftBroker shared;

    private TestKafka() {
    }

    /** The JVM's shared broker's bootstrap servers, starting it on first use. */
    public static String brokers() {
        if (shared == null) {
            synchronized (TestKafka.class) {
                if (shared == null) {
                    shared = start(0);
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy, "embedded-kafka-stop"));
                }
            }
        }
        return shared.getBrokersAsString();
    }

    /**
     * Starts a broker of its own for a test that must stop and start it (broker-down tests).
     *
     * @param port a fixed port, so clients configured before it started can reach it; 0 for any
     */
    public static EmbeddedKafkaKraftBroker start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(PARTITIONS)));
        if (port > 0) {
            // the KRaft test broker ignores kafkaPorts(); its listener names are EXTERNAL and CONTROLLER
            properties.put("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0");
        }
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return broker;
    }

    /** A consumer in a new group that reads the topics from the beginning, as a new partner would. */
    public static KafkaConsumer<String, String> consumer(String brokers, String... topics) {
        return consumer(brokers, "earliest", topics);
    }

    /** A consumer in a new group that reads only what arrives after it joins, as a live dashboard would. */
    public static KafkaConsumer<String, String> liveConsumer(String brokers, String... topics) {
        return consumer(brokers, "latest", topics);
    }

    private static KafkaConsumer<String, String> consumer(String brokers, String offsetReset, String... topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** Polls until {@code atLeast} records arrived or the time is up; returns all that came. */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int atLeast, Duration within) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (records.size() < atLeast && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
