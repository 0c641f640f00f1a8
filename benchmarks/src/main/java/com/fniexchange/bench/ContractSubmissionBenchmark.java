package com.fniexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.contract.ContractServiceApplication;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestDatabase;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Contract submissions through the REST API with the outbox, on a real PostgreSQL and an
 * embedded Kafka broker, next to the same inserts done by plain JDBC, so the cost of the service
 * shows as a ratio. Also the time from commit to a partner consumer receiving the event.
 *
 * <p>Arguments: {@code submissions=2000 clients=8 warmup=200 rate=50 seconds=20}: a closed-loop
 * saturation run, then an open-loop run at a steady rate for the latency in normal operation.
 */
public final class ContractSubmissionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, Integer> opts = new ConcurrentHashMap<>(Map.of("submissions", 2000, "clients", 8, "warmup", 200, "rate", 50, "seconds", 20));
        for (String arg : args) {
            String[] kv = arg.split("=");
            opts.put(kv[0], Integer.parseInt(kv[1]));
        }
        int submissions = opts.get("submissions");
        int clients = opts.get("clients");
        int warmup = opts.get("warmup");
        int rate = opts.get("rate");
        int pacedSeconds = opts.get("seconds");

        TestDatabase db = TestDatabase.get();
        String brokers = TestKafka.brokers();
        SpringApplication app = new SpringApplication(ContractServiceApplication.class);
        // command-line arguments: they win over application.yml, as an operator's would
        ConfigurableApplicationContext context = app.run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--fni.security.jwt.hmac-secret=" + TestInfrastructure.JWT_SECRET,
                "--fni.security.jwt.issuer=" + TestInfrastructure.JWT_ISSUER,
                "--fni.security.jwt.audience=" + TestInfrastructure.JWT_AUDIENCE,
                // the HS256 test secret is accepted only under the local or test profile
                "--spring.profiles.active=test",
                "--server.port=0", "--logging.level.root=WARN", "--logging.structured.format.console=");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String base = "http://127.0.0.1:" + port;
        String token = DevJwt.dealer("B1001");

        System.out.printf("%nfni-exchange benchmark: %d submissions, %d concurrent clients, %d warm-up, %d cores%n",
                submissions, clients, warmup, Runtime.getRuntime().availableProcessors());

        // partner consumer: receive time of every contract.submitted event, by contract number
        Map<String, Long> received = new ConcurrentHashMap<>();
        Map<String, Instant> eventTime = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger(1);
        Thread partner = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = TestKafka.consumer(brokers, "contract-events")) {
                while (running.get() == 1) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        String type = new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                        if (type.endsWith("submitted.v1")) {
                            received.put(r.key(), System.currentTimeMillis());
                            eventTime.put(r.key(), Instant.parse(new String(r.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
        }, "partner-consumer");
        partner.start();

        List<String> warmQuotes = quotes(base, token, warmup, clients);
        submit(base, token, warmQuotes, clients, new ConcurrentHashMap<>());
        List<String> quotes = quotes(base, token, submissions, clients);
        Map<String, Long> respondedAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        submit(base, token, quotes, clients, respondedAt);
        double seconds = (System.nanoTime() - start) / 1e9;
        double apiRate = submissions / seconds;

        long deadline = System.currentTimeMillis() + 120_000;
        while (!received.keySet().containsAll(respondedAt.keySet()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        List<Long> commitToConsumer = new ArrayList<>();
        List<Long> responseToConsumer = new ArrayList<>();
        latencies(respondedAt, received, eventTime, commitToConsumer, responseToConsumer);

        // open loop at a steady rate below saturation: the latency a partner sees in normal operation
        List<String> pacedQuotes = quotes(base, token, rate * pacedSeconds, clients);
        Map<String, Long> pacedResponded = new ConcurrentHashMap<>();
        java.util.concurrent.ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        AtomicInteger nextPaced = new AtomicInteger();
        java.util.concurrent.CountDownLatch pacedDone = new java.util.concurrent.CountDownLatch(pacedQuotes.size());
        pacer.scheduleAtFixedRate(() -> {
            int i = nextPaced.getAndIncrement();
            if (i >= pacedQuotes.size()) {
                return;
            }
            String body = """
                    {"quoteId":"%s","planCode":"VSC-60-75-100","dealNumber":"P-%s","customerPrice":2195.00,
                     "financed":false,"customer":{"firstName":"Bench","lastName":"Mark"}}"""
                    .formatted(pacedQuotes.get(i), UUID.randomUUID().toString().substring(0, 12));
            HTTP.sendAsync(request(base + "/api/v1/contracts", token, body), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> {
                        try {
                            pacedResponded.put(JSON.readTree(r.body()).get("contractNumber").asText(), System.currentTimeMillis());
                        } catch (Exception e) {
                            System.err.println("paced submission failed: " + r.statusCode() + " " + r.body());
                        }
                        pacedDone.countDown();
                    });
        }, 0, 1_000_000 / rate, java.util.concurrent.TimeUnit.MICROSECONDS);
        pacedDone.await(pacedSeconds * 3L, java.util.concurrent.TimeUnit.SECONDS);
        pacer.shutdownNow();
        deadline = System.currentTimeMillis() + 60_000;
        while (!received.keySet().containsAll(pacedResponded.keySet()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        running.set(0);
        partner.join();
        List<Long> pacedCommit = new ArrayList<>();
        List<Long> pacedResponse = new ArrayList<>();
        latencies(pacedResponded, received, eventTime, pacedCommit, pacedResponse);

        // the same rows, plain JDBC, same concurrency: what PostgreSQL alone does
        List<String> baselineQuotes = quotes(base, token, submissions, clients);
        double jdbcRate = jdbcBaseline(db, baselineQuotes, clients);
        context.close();

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| REST submissions/s (validation, rules, contract + history + 2 outbox rows, JSON, JWT) | %.0f |%n", apiRate);
        System.out.printf("| plain JDBC submissions/s (same rows, one transaction each) | %.0f |%n", jdbcRate);
        System.out.printf("| service overhead (JDBC / REST) | %.1fx |%n", jdbcRate / apiRate);
        System.out.printf("| events received by the partner | %d of %d |%n", commitToConsumer.size(), submissions);
        System.out.printf("| saturated: event time (before commit) -> consumer, p50 / p99 / max ms | %d / %d / %d |%n",
                pct(commitToConsumer, 50), pct(commitToConsumer, 99), pct(commitToConsumer, 100));
        System.out.printf("| saturated: HTTP response (after commit) -> consumer, p50 / p99 / max ms | %d / %d / %d |%n",
                pct(responseToConsumer, 50), pct(responseToConsumer, 99), pct(responseToConsumer, 100));
        System.out.printf("| paced at %d/s for %d s: events received | %d of %d |%n", rate, pacedSeconds, pacedCommit.size(), pacedQuotes.size());
        System.out.printf("| paced: event time (before commit) -> consumer, p50 / p99 / max ms | %d / %d / %d |%n",
                pct(pacedCommit, 50), pct(pacedCommit, 99), pct(pacedCommit, 100));
        System.out.printf("| paced: HTTP response (after commit) -> consumer, p50 / p99 / max ms | %d / %d / %d |%n",
                pct(pacedResponse, 50), pct(pacedResponse, 99), pct(pacedResponse, 100));
        System.out.printf("| heap used after run | %d MiB |%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
    }

    private static void latencies(Map<String, Long> respondedAt, Map<String, Long> received, Map<String, Instant> eventTime,
                                  List<Long> fromEventTime, List<Long> fromResponse) {
        for (Map.Entry<String, Long> e : respondedAt.entrySet()) {
            Long at = received.get(e.getKey());
            if (at != null) {
                fromEventTime.add(at - eventTime.get(e.getKey()).toEpochMilli());
                fromResponse.add(at - e.getValue());
            }
        }
    }

    private static HttpRequest request(String url, String token, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static List<String> quotes(String base, String token, int count, int clients) throws Exception {
        LocalDate sale = LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        parallel(count, clients, i -> {
            String body = """
                    {"vin":"%s","make":"HONDA","modelYear":%d,"odometer":20000,"vehicleInServiceDate":"%s",
                     "saleDate":"%s","customerState":"TX"}""".formatted(TestVins.next(), sale.getYear() - 1, sale.minusYears(1), sale);
            HttpResponse<String> response = post(base + "/api/v1/rates", token, body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("rating failed: " + response.statusCode() + " " + response.body());
            }
            ids.add(JSON.readTree(response.body()).get("quoteId").asText());
        });
        return new ArrayList<>(ids);
    }

    private static void submit(String base, String token, List<String> quotes, int clients, Map<String, Long> respondedAt) throws Exception {
        parallel(quotes.size(), clients, i -> {
            String body = """
                    {"quoteId":"%s","planCode":"VSC-60-75-100","dealNumber":"B-%s","customerPrice":2195.00,
                     "financed":false,"customer":{"firstName":"Bench","lastName":"Mark"}}"""
                    .formatted(quotes.get(i), UUID.randomUUID().toString().substring(0, 12));
            HttpResponse<String> response = post(base + "/api/v1/contracts", token, body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("submission failed: " + response.statusCode() + " " + response.body());
            }
            respondedAt.put(JSON.readTree(response.body()).get("contractNumber").asText(), System.currentTimeMillis());
        });
    }

    private static double jdbcBaseline(TestDatabase db, List<String> quotes, int clients) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setSchema("contract");
        config.setMaximumPoolSize(clients);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            long start = System.nanoTime();
            parallel(quotes.size(), clients, i -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    String number = "JDB" + String.format("%08d", i) + "-" + String.format("%02d", i % 100);
                    Timestamp now = Timestamp.from(Instant.now());
                    try (PreparedStatement st = c.prepareStatement("""
                            INSERT INTO contract.contract (contract_number, dealer_code, deal_number, product_code, plan_code, quote_id, vin,
                              make, model_year, odometer, vehicle_in_service_date, sale_date, term_months, term_miles, deductible,
                              dealer_cost, suggested_retail, customer_price, financed, customer_first_name, customer_last_name,
                              customer_state, status, submitted_by, submitted_at, updated_at, limit_of_liability)
                            VALUES (?, 'J1001', ?, 'VSC', 'VSC-60-75-100', ?, ?, 'HONDA', 2025, 20000, current_date - 400,
                              current_date - 1, 60, 75000, 100, 1100, 2195, 2195, false, 'Bench', 'Mark', 'TX', 'ACTIVE', 'jdbc', ?, ?,
                              15000)
                            """)) {
                        st.setString(1, number);
                        st.setString(2, "J-" + i);
                        st.setObject(3, UUID.fromString(quotes.get(i)));
                        st.setString(4, TestVins.next());
                        st.setTimestamp(5, now);
                        st.setTimestamp(6, now);
                        st.executeUpdate();
                    }
                    try (PreparedStatement st = c.prepareStatement("""
                            INSERT INTO contract.contract_status_history (contract_number, from_status, to_status, reason, actor, changed_at)
                            VALUES (?, ?, ?, 'bench', 'jdbc', ?)""")) {
                        for (String[] change : new String[][] {{null, "SUBMITTED"}, {"SUBMITTED", "ACTIVE"}}) {
                            st.setString(1, number);
                            st.setString(2, change[0]);
                            st.setString(3, change[1]);
                            st.setTimestamp(4, now);
                            st.addBatch();
                        }
                        st.executeBatch();
                    }
                    try (PreparedStatement st = c.prepareStatement("""
                            INSERT INTO contract.outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at, published_at)
                            VALUES (?, 'contract-events', 'bench', ?, CAST(? AS json), CAST('{}' AS jsonb), ?, now())""")) {
                        for (int e = 0; e < 2; e++) {
                            st.setObject(1, UUID.randomUUID());
                            st.setString(2, number);
                            st.setString(3, "{\"contractNumber\":\"" + number + "\",\"dealerCost\":1100.00}");
                            st.setTimestamp(4, now);
                            st.addBatch();
                        }
                        st.executeBatch();
                    }
                    c.commit();
                }
            });
            return quotes.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private interface Task {
        void run(int index) throws Exception;
    }

    private static void parallel(int count, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static HttpResponse<String> post(String url, String token, String body) throws Exception {
        return HTTP.send(request(url, token, body), HttpResponse.BodyHandlers.ofString());
    }

    private static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
