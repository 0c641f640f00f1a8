package com.fniexchange.local.demo;

import com.fniexchange.examples.subscriber.PartnerSubscriber;
import com.fniexchange.examples.subscriber.ReceivedEvent;
import com.fniexchange.local.demo.EventTimeline.StreamEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A partner following the event streams through the example subscriber (examples/partner-subscriber),
 * in the background while the day goes on, as a partner's process would. The only class of the demo
 * that knows the subscriber's API: should it change, this is the one to adapt.
 *
 * <p>A consumer group of its own per run, reading from the earliest offset, sees everything retained,
 * earlier runs' events included; the sink keeps the events of this run's dealers only (every
 * payload names the selling dealer, which is what a partner's entitlement goes by).
 */
final class PartnerFeed implements AutoCloseable {

    static final List<String> STREAMS = PartnerSubscriber.ALL_STREAMS;
    private static final Duration POLL = Duration.ofMillis(500);

    private final PartnerSubscriber subscriber;
    private final Path stateDir;
    private final String runId;
    private final Set<String> dealers;
    private final List<StreamEvent> received = new ArrayList<>();
    private final Thread polling;
    private volatile boolean stopping;
    private volatile RuntimeException failure;
    private long duplicates;

    private PartnerFeed(String brokers, String group, Path stateDir, String runId, Set<String> dealers) {
        this.stateDir = stateDir;
        this.runId = runId;
        this.dealers = dealers;
        this.subscriber = new PartnerSubscriber(Map.of("bootstrap.servers", brokers, "group.id", group,
                "client.id", group, "auto.offset.reset", "earliest"), STREAMS, stateDir, this::take);
        this.polling = new Thread(this::poll, "demo-partner-subscriber");
        polling.setDaemon(true);
    }

    /** Joins the streams with a new consumer group and starts polling in the background. */
    static PartnerFeed subscribe(String brokers, String group, String runId, Set<String> dealers) throws DemoFailure {
        try {
            PartnerFeed feed = new PartnerFeed(brokers, group, Files.createTempDirectory(group + "-"), runId, dealers);
            feed.polling.start();
            return feed;
        } catch (IOException | RuntimeException e) {
            throw new DemoFailure("0. partner subscribes to the event streams", "Kafka subscribe " + String.join(",", STREAMS)
                    + " at " + brokers, "could not start the subscriber", e);
        }
    }

    private void poll() {
        try {
            while (!stopping) {
                subscriber.pollOnce(POLL);
            }
        } catch (RuntimeException e) {
            if (!stopping) { // close() wakes the poll up: that is no failure
                failure = e;
            }
        } finally {
            subscriber.close();
            duplicates = subscriber.duplicates();
        }
    }

    /** The sink, on the polling thread: keeps this run's events (its dealers' codes contain the run id). */
    private void take(ReceivedEvent event) {
        if (event.payload() == null || !event.payload().contains(runId)) {
            return;
        }
        StreamEvent e = new StreamEvent(event.topic(), event.partition(), event.offset(), event.ceId(), event.ceType(),
                event.ceSubject() != null ? event.ceSubject() : event.key(), event.ceTime(), event.payload());
        if (dealers.contains(e.field("dealerCode"))) {
            synchronized (received) {
                received.add(e);
            }
        }
    }

    /** Waits until every expected event of every contract has arrived; returns them contract by contract. */
    EventTimeline awaitEvents(String step, Map<String, List<String>> expected, Duration timeout) throws DemoFailure {
        String call = "Kafka poll " + String.join(",", STREAMS);
        return Await.until(step, call, timeout, () -> {
            if (failure != null) {
                throw new DemoFailure(step, call, "the subscriber stopped", failure);
            }
            EventTimeline timeline = new EventTimeline(snapshot());
            Map<String, List<String>> missing = timeline.missing(expected);
            return missing.isEmpty() ? Await.Look.done(timeline) : Await.Look.notYet(0, "not received yet: " + missing);
        });
    }

    /** Suppressed redeliveries (same ce_id); final once the feed is closed. */
    long duplicates() {
        return duplicates;
    }

    private List<StreamEvent> snapshot() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Stops polling, lets the subscriber commit and leave its group, and removes its state. */
    @Override
    public void close() {
        stopping = true;
        try {
            // the loop ends after its current poll; wake it only if a poll hangs (a wakeup would also cut a commit short)
            polling.join(POLL.multipliedBy(4).toMillis());
            if (polling.isAlive()) {
                subscriber.wakeup();
                polling.join(Duration.ofSeconds(15).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
