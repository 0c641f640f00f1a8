package com.fniexchange.examples.subscriber;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A partner's subscriber to fni-exchange's event streams: joins the topics with the partner's own
 * consumer group, hands each event to a sink once, and resumes where it left off after a restart.
 *
 * <p>Delivery from the platform is at least once: an event can arrive again (same {@code ce_id})
 * after a retried send, a rebalance or a restart. This subscriber therefore
 * <ul>
 *   <li>delivers an event only if its {@code ce_id} was not delivered before, counting the others
 *       as {@link #duplicates()}; the delivered ids are kept in {@code stateDir} (the newest
 *       {@value #SEEN_IDS_KEPT}), so this holds across restarts;</li>
 *   <li>commits offsets itself, synchronously, only after a polled batch was delivered and its ids
 *       were forced to disk; a new consumer group starts from the oldest retained event.</li>
 * </ul>
 * An event without a {@code ce_id} cannot be recognised again and is delivered every time it arrives.
 * If the process dies after the sink took events but before their ids reached the disk, those
 * events (one batch at most) are delivered again after the restart.
 *
 * <p>Like {@link KafkaConsumer}, an instance is used by one thread; only {@link #wakeup()} may be
 * called from another.
 *
 * <pre>{@code
 * try (PartnerSubscriber subscriber = new PartnerSubscriber(
 *         Map.of("bootstrap.servers", "127.0.0.1:9092", "group.id", "partner-example"),
 *         List.of("contract-events"), Path.of("partner-subscriber-state"),
 *         event -> System.out.println(event.line()))) {
 *     while (running) {
 *         subscriber.pollOnce(Duration.ofSeconds(1));
 *     }
 * }
 * }</pre>
 */
public final class PartnerSubscriber implements AutoCloseable {

    /** How many delivered {@code ce_id}s are remembered for de-duplication. */
    public static final int SEEN_IDS_KEPT = 100_000;

    /** The platform's three streams. */
    public static final List<String> ALL_STREAMS = List.of("contract-events", "claim-events", "cancellation-events");

    private final KafkaConsumer<String, String> consumer;
    private final SeenEventIds seen;
    private final Consumer<ReceivedEvent> sink;
    private long duplicates;
    /** Records were polled since the last successful commit. */
    private boolean uncommitted;

    /**
     * Opens the de-duplication state and joins the consumer group.
     *
     * @param consumerConfig Kafka consumer settings; must name {@code bootstrap.servers} and
     *                       {@code group.id}. {@code auto.offset.reset} defaults to {@code earliest};
     *                       {@code enable.auto.commit} and the deserializers are always set by this
     *                       class (commits are its job; keys and payloads are read as UTF-8 text)
     * @param topics         the streams to follow, e.g. {@link #ALL_STREAMS}
     * @param stateDir       where the delivered ids are kept (created when missing); one
     *                       subscriber at a time per directory, and one directory per consumer group
     * @param sink           receives each new event, in partition order; it runs on the polling thread
     * @throws UncheckedIOException  when the state dir cannot be read or written
     * @throws IllegalStateException when another subscriber is using the state dir
     */
    public PartnerSubscriber(Map<String, ?> consumerConfig, List<String> topics, Path stateDir,
                             Consumer<ReceivedEvent> sink) {
        this.sink = sink;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try {
            this.seen = new SeenEventIds(stateDir, SEEN_IDS_KEPT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the subscriber's state in " + stateDir, e);
        }
        try {
            this.consumer = new KafkaConsumer<>(config);
            consumer.subscribe(topics);
        } catch (RuntimeException e) {
            closeQuietly(seen);
            throw e;
        }
    }

    /**
     * Polls once, delivers the events not seen before to the sink, writes their ids to disk and
     * then commits the batch.
     *
     * <p>If the sink throws, the ids it took are still written, the consumer is moved back to the
     * first event it did not take (so the next call offers that event again), nothing is committed,
     * and the exception is rethrown.
     *
     * @param timeout how long to wait for events
     * @return how many new events were delivered (duplicates are not counted)
     * @throws WakeupException      when {@link #wakeup()} was called
     * @throws UncheckedIOException when the ids cannot be written; offsets are then not committed
     */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<String, String> records = consumer.poll(timeout);
        if (records.isEmpty()) {
            return 0;
        }
        uncommitted = true;
        int count = 0;
        List<String> delivered = new ArrayList<>();
        // per partition of the batch, the first record not handled yet: where to go back to if the sink fails
        Map<TopicPartition, Long> next = new HashMap<>();
        records.partitions().forEach(partition -> next.put(partition, records.records(partition).get(0).offset()));
        try {
            for (ConsumerRecord<String, String> record : records) {
                if (deliver(ReceivedEvent.of(record), delivered)) {
                    count++;
                }
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
        } catch (RuntimeException e) {
            // the poll moved the position past the whole batch; without this the rest would be skipped
            next.forEach(consumer::seek);
            throw e;
        } finally {
            // whatever the sink took must be remembered, also when it failed halfway
            try {
                seen.persist(delivered);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the delivered ids; offsets not committed", e);
            }
        }
        consumer.commitSync();
        uncommitted = false;
        return count;
    }

    /** Hands the event to the sink unless its id was delivered before; true when delivered. */
    private boolean deliver(ReceivedEvent event, List<String> deliveredIds) {
        String id = event.ceId();
        boolean recognisable = SeenEventIds.canRemember(id);
        if (recognisable && seen.contains(id)) {
            duplicates++;
            return false;
        }
        sink.accept(event);
        if (recognisable) {
            seen.add(id);
            deliveredIds.add(id);
        }
        return true;
    }

    /**
     * How many events this instance suppressed because their {@code ce_id} had been delivered before.
     *
     * @return the count since this instance was created
     */
    public long duplicates() {
        return duplicates;
    }

    /**
     * Makes a {@link #pollOnce} that is waiting, or the next one, throw {@link WakeupException}.
     * Safe to call from any thread, e.g. a shutdown hook.
     */
    public void wakeup() {
        consumer.wakeup();
    }

    /**
     * Commits what was delivered but not yet committed (a batch cut short by {@link #wakeup()}),
     * then leaves the consumer group and releases the state dir.
     */
    @Override
    public void close() {
        try {
            if (uncommitted) {
                consumer.commitSync(Duration.ofSeconds(10));
            }
        } catch (KafkaException e) {
            // not committed: those events come again after a restart and are suppressed by their ids
            System.err.println("partner-subscriber: last commit failed: " + e);
        } finally {
            try {
                consumer.close();
            } finally {
                closeQuietly(seen);
            }
        }
    }

    /**
     * Runs the subscriber from the command line, printing one {@link ReceivedEvent#line() line} per
     * event to standard output until Ctrl-C. Configured by environment variables:
     * <ul>
     *   <li>{@code FNI_KAFKA_BROKERS}: bootstrap servers, default {@code 127.0.0.1:9092}</li>
     *   <li>{@code PARTNER_GROUP}: the consumer group, default {@code partner-example}</li>
     *   <li>{@code PARTNER_TOPICS}: comma-separated, default {@code contract-events,claim-events,cancellation-events}</li>
     *   <li>{@code PARTNER_STATE_DIR}: the de-duplication state, default {@code ./partner-subscriber-state}</li>
     *   <li>{@code KAFKA_PROPERTIES_FILE}: optional consumer properties (e.g. Event Hubs' SASL settings);
     *       its settings win over {@code FNI_KAFKA_BROKERS} and {@code PARTNER_GROUP}</li>
     * </ul>
     *
     * @param args none are read
     * @throws IOException when {@code KAFKA_PROPERTIES_FILE} cannot be read
     */
    public static void main(String[] args) {
        try {
            run(System.getenv());
        } catch (IOException | RuntimeException e) {
            // a partner's engineer reads one sentence (a bad properties file, a broker that refuses), not a stack trace
            System.err.println("partner-subscriber: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Map<String, String> env) throws IOException {
        Map<String, Object> config = consumerConfig(env);
        List<String> topics = Arrays.stream(setting(env, "PARTNER_TOPICS", String.join(",", ALL_STREAMS)).split(","))
                .map(String::trim).filter(topic -> !topic.isEmpty()).toList();
        Path stateDir = Path.of(setting(env, "PARTNER_STATE_DIR", "./partner-subscriber-state"));

        PartnerSubscriber subscriber = new PartnerSubscriber(config, topics, stateDir, event -> System.out.println(event.line()));
        Thread polling = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subscriber.wakeup();
            try {
                polling.join();     // let the polling thread commit and close before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "partner-subscriber-stop"));
        System.err.printf("partner-subscriber: group %s on %s, topics %s, state in %s; Ctrl-C stops%n",
                config.get(ConsumerConfig.GROUP_ID_CONFIG), config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                String.join(",", topics), stateDir.toAbsolutePath().normalize());
        try {
            while (true) {
                subscriber.pollOnce(Duration.ofSeconds(1));
            }
        } catch (WakeupException stop) {
            // Ctrl-C: close() below commits and leaves the group
        } finally {
            subscriber.close();
            System.err.printf("partner-subscriber: stopped; %d duplicate(s) suppressed%n", subscriber.duplicates());
        }
    }

    /** The consumer settings {@link #main} uses: the environment's, then the properties file's on top. */
    static Map<String, Object> consumerConfig(Map<String, String> env) throws IOException {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, setting(env, "FNI_KAFKA_BROKERS", "127.0.0.1:9092"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, setting(env, "PARTNER_GROUP", "partner-example"));
        String file = setting(env, "KAFKA_PROPERTIES_FILE", null);
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        }
        return config;
    }

    /** An environment variable, or {@code otherwise} when it is unset or blank. */
    private static String setting(Map<String, String> env, String name, String otherwise) {
        String value = env.get(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static void closeQuietly(SeenEventIds ids) {
        try {
            ids.close();
        } catch (IOException e) {
            System.err.println("partner-subscriber: closing the state failed: " + e);
        }
    }
}
