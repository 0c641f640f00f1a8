package com.fniexchange.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The load generator of {@code benchmarks/run.sh}: a process of its own, outside the service's
 * JVM. It drives the running contract-service over HTTP, reads {@code contract-events} as a
 * partner would, and prints the table of the run.
 *
 * <ol>
 *   <li>closed loop: {@code clients} connections submit back to back for {@code seconds}
 *       (after {@code warmup} seconds not counted): submissions/s and response p50 / p99;</li>
 *   <li>open loop: {@code rate} submissions/s (two events each) for {@code paced} seconds: every
 *       event's time from its {@code ce_time} (set in the transaction, so an upper bound of commit) to the
 *       consumer, and the outbox backlog sampled every second.</li>
 * </ol>
 * Every submission contracts a quote of its own, seeded beforehand (not measured).
 */
public final class SubmissionLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int WARMUP_WINDOW_SECONDS = 10;
    private static String warmupSummary = "";

    private SubmissionLoad() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // the partner and HTTP threads would keep a failed run's JVM alive
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("base", "http://127.0.0.1:18081", "clients", "8", "seconds", "20",
                "warmup", "10", "rate", "500", "paced", "60", "brokers", "127.0.0.1:19092",
                "db", "jdbc:postgresql://127.0.0.1:5432/fni_bench", "anchorTps", "0", "servicePid", "0"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            opts.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String token = opts.get("token");
        String base = opts.get("base");
        int clients = Integer.parseInt(opts.get("clients"));
        int seconds = Integer.parseInt(opts.get("seconds"));
        int warmup = Integer.parseInt(opts.get("warmup"));
        int rate = Integer.parseInt(opts.get("rate"));
        int paced = Integer.parseInt(opts.get("paced"));
        double anchorTps = Double.parseDouble(opts.get("anchorTps"));
        double anchorPgMs = Double.parseDouble(opts.getOrDefault("anchorPgMs", "0"));
        long servicePid = Long.parseLong(opts.get("servicePid"));

        int minWarmup = Math.min(warmup, Integer.parseInt(opts.getOrDefault("minWarmup", "60")));
        // enough for the closed loop at up to 1,300/s and the whole open loop
        Quotes quotes = new Quotes(opts.get("db"), (warmup + seconds) * 1300 + rate * paced + 1000);
        Partner partner = new Partner(opts.get("brokers"));
        partner.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();

        // warm-up until the service is steady: on two shared cores the JIT competes with the load
        // for CPU and keeps compiling for minutes; a fixed short warm-up measures the compiler
        List<Integer> windows = new ArrayList<>();
        long warmStart = System.nanoTime();
        while (true) {
            int window = closedLoop(base, token, quotes, clients, WARMUP_WINDOW_SECONDS, new ConcurrentLinkedQueue<>(),
                    new ConcurrentHashMap<>());
            windows.add(window / WARMUP_WINDOW_SECONDS);
            long elapsed = (System.nanoTime() - warmStart) / 1_000_000_000L;
            int n = windows.size();
            List<Integer> last = windows.subList(Math.max(0, n - 3), n);
            boolean steady = n >= 3 && elapsed >= minWarmup
                    && Collections.max(last) - Collections.min(last) <= 0.03 * Collections.max(last);
            if (steady || elapsed + WARMUP_WINDOW_SECONDS > warmup) {
                System.out.printf("warm-up: %d s, submissions/s per %d s window: %s (%s)%n", elapsed, WARMUP_WINDOW_SECONDS,
                        windows, steady ? "steady: the last three within 3%" : "not steady by the limit");
                warmupSummary = "%d s, %s".formatted(elapsed, steady ? "until the last three 10 s windows were within 3%" : "limit reached, not steady");
                break;
            }
        }
        ConcurrentLinkedQueue<Long> responseNanos = new ConcurrentLinkedQueue<>();
        Map<String, Boolean> closedContracts = new ConcurrentHashMap<>();
        CpuShares cpuBefore = CpuShares.read(servicePid);
        long started = System.nanoTime();
        System.out.println("closed loop: measuring " + seconds + " s");
        int done = closedLoop(base, token, quotes, clients, seconds, responseNanos, closedContracts);
        System.out.println("closed loop: done");
        double closedSeconds = (System.nanoTime() - started) / 1e9;
        CpuShares closedCpu = CpuShares.read(servicePid).minus(cpuBefore);
        double submissionsPerSecond = done / closedSeconds;
        long rssAfterClosed = rssKiB(servicePid, "VmRSS");
        // every event of the closed loop published too, not put off: the backlog it ends with, and
        // how long the partner then waits for the last of its events
        long closedBacklog = quotes.backlog();
        long drainStart = System.nanoTime();
        long closedReceived = partner.awaitBoth(closedContracts.keySet());
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

        // open loop at the offered rate
        Map<String, Boolean> pacedContracts = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        List<Long> backlog = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        int total = rate * paced;
        CountDownLatch all = new CountDownLatch(total);
        AtomicInteger sent = new AtomicInteger();
        long pacedStart = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= total) {
                return;
            }
            http.sendAsync(submission(base, token, quotes.next()), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 201) {
                            pacedContracts.put(contractNumber(r.body()), true);
                            answered.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        all.countDown();
                    });
        }, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
        pacer.scheduleAtFixedRate(() -> backlog.add(quotes.backlog()), 1, 1, TimeUnit.SECONDS);
        all.await(paced * 4L, TimeUnit.SECONDS);
        double pacedSeconds = (System.nanoTime() - pacedStart) / 1e9;
        pacer.shutdownNow();
        long rssPeak = rssKiB(servicePid, "VmHWM");
        long rssNow = rssKiB(servicePid, "VmRSS");
        partner.awaitBoth(pacedContracts.keySet());
        List<Long> latencies = partner.latencies(pacedContracts.keySet());

        // the relay alone at the events target: transactions of two events each (a submission's
        // submitted + activated), committed straight into the outbox at eventsRate / 2 per second
        int eventsRate = Integer.parseInt(opts.getOrDefault("eventsRate", "1000"));
        int eventsSeconds = Integer.parseInt(opts.getOrDefault("eventsSeconds", "60"));
        OutboxFeed feed = new OutboxFeed(opts.get("db"));
        List<Long> feedBacklog = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService feeder = Executors.newScheduledThreadPool(2);
        int feedTotal = eventsRate / 2 * eventsSeconds;
        AtomicInteger fed = new AtomicInteger();
        CountDownLatch feedDone = new CountDownLatch(feedTotal);
        long feedStart = System.nanoTime();
        java.util.concurrent.ExecutorService committers = Executors.newFixedThreadPool(4);
        feeder.scheduleAtFixedRate(() -> {
            if (fed.getAndIncrement() < feedTotal) {
                committers.execute(() -> {
                    feed.commitChain();
                    feedDone.countDown();
                });
            }
        }, 0, 2_000_000L / eventsRate, TimeUnit.MICROSECONDS);
        feeder.scheduleAtFixedRate(() -> feedBacklog.add(quotes.backlog()), 1, 1, TimeUnit.SECONDS);
        feedDone.await(eventsSeconds * 4L, TimeUnit.SECONDS);
        double feedSeconds = (System.nanoTime() - feedStart) / 1e9;
        feeder.shutdownNow();
        committers.shutdown();
        partner.awaitBoth(feed.aggregates());
        partner.stop();
        long[] feedLatency = partner.latencies(feed.aggregates()).stream().mapToLong(Long::longValue).sorted().toArray();
        int feedHalf = feedBacklog.size() / 2;
        long[] responses = responseNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int half = backlog.size() / 2;
        long backlogFirstHalf = backlog.subList(0, half).stream().mapToLong(Long::longValue).max().orElse(0);
        long backlogSecondHalf = backlog.subList(half, backlog.size()).stream().mapToLong(Long::longValue).max().orElse(0);

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| anchor: pgbench, contract-like row + outbox row per transaction, %d clients | %.0f tps |%n", clients, anchorTps);
        System.out.printf("| closed loop warm-up (until steady) | %s |%n", warmupSummary);
        System.out.printf("| submissions/s, %d connections, closed loop, %d s | %.0f |%n", clients, seconds, submissionsPerSecond);
        System.out.printf("| ratio to the anchor | %.2f |%n", anchorTps > 0 ? submissionsPerSecond / anchorTps : 0);
        System.out.printf("| response p50 / p99 | %.1f / %.1f ms |%n", pct(responses, 50) / 1e6, pct(responses, 99) / 1e6);
        System.out.printf("| closed loop: events received by the partner / outbox backlog at its end / last event %s after its end | %d of %d / %d rows / %.1f s |%n",
                "received", closedReceived, closedContracts.size() * 2L, closedBacklog, drainSeconds);
        System.out.printf("| closed loop: CPU per submission, service / PostgreSQL / everything else (broker, load, OS) | %.1f / %.1f / %.1f ms |%n",
                closedCpu.service() / done, closedCpu.postgres() / done, (closedCpu.total() - closedCpu.service() - closedCpu.postgres()) / done);
        System.out.printf("| closed loop: machine CPU busy (of %d cores) | %.0f%% |%n", Runtime.getRuntime().availableProcessors(),
                100 * closedCpu.total() / (closedSeconds * 1000 * Runtime.getRuntime().availableProcessors()));
        int cores = Runtime.getRuntime().availableProcessors();
        double pgPerSubmission = closedCpu.postgres() / done;
        System.out.printf("| PostgreSQL CPU per anchor transaction / per submission (its 5 statements, the relay's reads and updates) | %.2f / %.2f ms |%n",
                anchorPgMs, pgPerSubmission);
        // the most this machine could give if the service, broker and load generator cost nothing
        System.out.printf("| for reading, not a target: submissions/s if PostgreSQL had the %d cores to itself (service, broker, load free), and that ratio | %.0f, %.2f |%n",
                cores, cores * 1000 / pgPerSubmission, anchorTps > 0 ? cores * 1000 / pgPerSubmission / anchorTps : 0);
        System.out.printf("| offered events/s (open loop, %d submissions/s x 2 events, %d s) | %d |%n", rate, paced, rate * 2);
        System.out.printf("| delivered: submissions answered 201 / errors, achieved submissions/s | %d / %d, %.0f |%n",
                answered.get(), errors.get(), answered.get() / pacedSeconds);
        System.out.printf("| events received by the partner, delivered events/s | %d of %d, %.0f |%n", latencies.size(),
                pacedContracts.size() * 2, latencies.size() / pacedSeconds);
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("| commit -> consumer p50 / p99 / max (from ce_time, set in the transaction: an upper bound) | %d / %d / %d ms |%n",
                pct(lat, 50), pct(lat, 99), pct(lat, 100));
        System.out.printf("| outbox backlog, max in first / second half of the open loop | %d / %d rows |%n",
                backlogFirstHalf, backlogSecondHalf);
        System.out.printf("| relay alone: events committed to the outbox (2 per transaction), offered events/s for %d s | %d, %.0f |%n",
                eventsSeconds, feed.aggregates().size() * 2, feed.aggregates().size() * 2 / feedSeconds);
        System.out.printf("| relay alone: events received / commit -> consumer p50 / p99 / max | %d, %d / %d / %d ms |%n",
                feedLatency.length, pct(feedLatency, 50), pct(feedLatency, 99), pct(feedLatency, 100));
        System.out.printf("| relay alone: outbox backlog, max in first / second half | %d / %d rows |%n",
                feedBacklog.subList(0, feedHalf).stream().mapToLong(Long::longValue).max().orElse(0),
                feedBacklog.subList(feedHalf, feedBacklog.size()).stream().mapToLong(Long::longValue).max().orElse(0));
        System.out.printf("| service RSS after closed loop / after open loop / peak (VmHWM) | %d / %d / %d MiB |%n",
                rssAfterClosed / 1024, rssNow / 1024, rssPeak / 1024);
        // a run that lost submissions or events is not a result
        System.exit(errors.get() == 0 && closedReceived == closedContracts.size() * 2L && latencies.size() == pacedContracts.size() * 2L
                && feedLatency.length == feed.aggregates().size() * 2 ? 0 : 1);
    }

    /**
     * Closed loop: each client, on a keep-alive connection of its own, submits, waits for the
     * answer, submits again. Returns the submissions answered 201.
     */
    private static int closedLoop(String base, String token, Quotes quotes, int clients, int seconds,
                                  ConcurrentLinkedQueue<Long> responseNanos, Map<String, Boolean> contracts) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger ok = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(URI.create(base))) {
                    while (System.nanoTime() < end && !failed.get()) {
                        long start = System.nanoTime();
                        KeepAliveConnection.Answer r = connection.post("/api/v1/contracts", token, submissionBody(quotes.next()));
                        if (r.status() != 201) {
                            System.err.println("submission answered " + r.status() + ": " + r.body());
                            failed.set(true);
                            return;
                        }
                        responseNanos.add(System.nanoTime() - start);
                        contracts.put(contractNumber(r.body()), true);
                        ok.incrementAndGet();
                    }
                } catch (Exception e) {
                    System.err.println("submission failed: " + e);
                    failed.set(true);
                }
            }, "client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failed.get()) {
            throw new IllegalStateException("a submission failed; see above");
        }
        return ok.get();
    }

    private static String submissionBody(String quoteId) {
        return """
                {"quoteId":"%s","planCode":"VSC-60-75-100","dealNumber":"B-%s","customerPrice":2195.00,
                 "financed":false,"customer":{"firstName":"Bench","lastName":"Mark"}}"""
                .formatted(quoteId, UUID.randomUUID().toString().substring(0, 13));
    }

    private static HttpRequest submission(String base, String token, String quoteId) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/contracts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(submissionBody(quoteId)))
                .build();
    }

    private static String contractNumber(String body) {
        try {
            return JSON.readTree(body).get("contractNumber").asText();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable answer: " + body, e);
        }
    }

    private static long pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long rssKiB(long pid, String field) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }


    /**
     * Commits event pairs straight into contract-service's outbox, the way a submission's
     * transaction does (same table, same trigger waking the relay, same headers), so the relay can
     * be offered a rate the REST path of a shared 2-core machine cannot reach.
     */
    private static final class OutboxFeed {

        private final ThreadLocal<Connection> connections;
        private final Set<String> aggregates = ConcurrentHashMap.newKeySet();
        private final AtomicLong sequence = new AtomicLong();

        OutboxFeed(String url) {
            connections = ThreadLocal.withInitial(() -> {
                try {
                    return DriverManager.getConnection(url, "postgres", "");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        void commitChain() {
            String aggregate = "FEED%08d".formatted(sequence.incrementAndGet());
            String now = Instant.now().toString();
            try (PreparedStatement st = connections.get().prepareStatement("""
                    INSERT INTO contract.outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at)
                    VALUES (?, 'contract-events', 'com.fniexchange.contract.submitted.v1', ?, CAST(? AS json), CAST(? AS jsonb), now()),
                           (?, 'contract-events', 'com.fniexchange.contract.activated.v1', ?, CAST(? AS json), CAST(? AS jsonb), now())""")) {
                for (int i = 0; i < 2; i++) {
                    UUID id = UUID.randomUUID();
                    st.setObject(1 + i * 4, id);
                    st.setString(2 + i * 4, aggregate);
                    st.setString(3 + i * 4, "{\"contractNumber\":\"" + aggregate + "\",\"dealerCode\":\"B1001\",\"occurredAt\":\"" + now + "\"}");
                    st.setString(4 + i * 4, "{\"ce_id\":\"" + id + "\",\"ce_specversion\":\"1.0\",\"ce_type\":\"bench.feed\","
                            + "\"ce_source\":\"/bench\",\"ce_subject\":\"" + aggregate + "\",\"ce_time\":\"" + now + "\","
                            + "\"content-type\":\"application/json\"}");
                }
                st.executeUpdate();
                aggregates.add(aggregate);
            } catch (Exception e) {
                System.err.println("outbox feed failed: " + e);
            }
        }

        Set<String> aggregates() {
            return aggregates;
        }
    }

    /** The seeded quotes, handed out once each, and the outbox backlog. */
    private static final class Quotes {

        private final List<String> ids;
        private final AtomicInteger next = new AtomicInteger();
        private final Connection connection;

        /** Seeds {@code count} quotes of dealer B1001 (a TX sale yesterday, plan VSC-60-75-100 offered) straight into the table. */
        Quotes(String url, int count) throws Exception {
            connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                    "postgres", "");
            LocalDate sale = LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
            List<String> all = new ArrayList<>(count);
            connection.setAutoCommit(false);
            try (PreparedStatement quote = connection.prepareStatement("""
                    INSERT INTO contract.quote (quote_id, dealer_code, vin, make, model_year, odometer, vehicle_in_service_date,
                                                sale_date, customer_state, created_at, expires_at)
                    VALUES (?, 'B1001', ?, 'HONDA', ?, 20000, ?, ?, 'TX', ?, ?)""");
                 PreparedStatement plan = connection.prepareStatement("""
                    INSERT INTO contract.quote_plan (quote_id, plan_code, dealer_cost, suggested_retail)
                    SELECT ?, plan_code, dealer_cost, suggested_retail FROM contract.plan WHERE plan_code = 'VSC-60-75-100'""")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    quote.setObject(1, id);
                    quote.setString(2, TestVins.next());
                    quote.setInt(3, sale.getYear() - 1);
                    quote.setObject(4, sale.minusYears(1));
                    quote.setObject(5, sale);
                    quote.setTimestamp(6, now);
                    quote.setTimestamp(7, expires);
                    quote.addBatch();
                    plan.setObject(1, id);
                    plan.addBatch();
                    all.add(id.toString());
                    if (i % 1000 == 999 || i == count - 1) {
                        quote.executeBatch();
                        plan.executeBatch();
                    }
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            ids = all;
        }

        String next() {
            int i = next.getAndIncrement();
            if (i >= ids.size()) {
                throw new IllegalStateException("ran out of seeded quotes (" + ids.size() + "); seed more");
            }
            return ids.get(i);
        }

        synchronized long backlog() {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM contract.outbox_event WHERE published_at IS NULL")) {
                rs.next();
                return rs.getLong(1);
            } catch (Exception e) {
                return -1;
            }
        }
    }

    /** A partner reading contract-events: when each event arrived, against its ce_time. */
    private static final class Partner {

        private final KafkaConsumer<String, String> consumer;
        /** contract number -> latencies (ms) of its events. */
        private final Map<String, List<Long>> byContract = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong count = new AtomicLong();
        private Thread thread;

        Partner(String brokers) {
            consumer = TestKafka.liveConsumer(brokers, "contract-events");
        }

        void start() throws InterruptedException {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.currentTimeMillis();
                        Instant time = Instant.parse(new String(r.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8));
                        byContract.computeIfAbsent(r.key(), k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(now - time.toEpochMilli());
                        count.incrementAndGet();
                    }
                }
                consumer.close();
            }, "partner");
            thread.start();
            Thread.sleep(3000); // partitions assigned before the load starts
        }

        /** Waits up to a minute for both events of every one of these aggregates; returns how many arrived. */
        long awaitBoth(Set<String> contracts) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 60_000;
            while (received(contracts) < contracts.size() * 2L && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            return received(contracts);
        }

        long received(Set<String> contracts) {
            return contracts.stream().mapToLong(c -> byContract.getOrDefault(c, List.of()).size()).sum();
        }

        List<Long> latencies(Set<String> contracts) {
            List<Long> all = new ArrayList<>();
            for (String c : contracts) {
                all.addAll(byContract.getOrDefault(c, List.of()));
            }
            return all;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
