package com.fniexchange.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.platform.HttpProbe;
import com.fniexchange.platform.PlatformHttpTest;
import com.fniexchange.testsupport.DevJwt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Idempotency-Key filter around a real {@code @Transactional} service, over HTTP. */
@PlatformHttpTest
class IdempotencyKeyFilterTest {

    static final String SCOPE = "dealer:D1001";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotencyStore store;
    @Autowired
    WidgetProbe.Widgets widgets;
    HttpProbe http;
    final String token = DevJwt.dealer("D1001");

    @BeforeEach
    void setUp() {
        http = new HttpProbe(port);
        WidgetProbe.createTables(jdbc);
    }

    HttpResponse<String> create(String name, String key) {
        return http.send(http.post(WidgetProbe.PATH, token, HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                .header(IdempotencyKeyFilter.HEADER, key));
    }

    long widgetsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM probe_widget WHERE name = :name").param("name", name).query(Long.class).single();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aRetryAfterACrashThatFollowedTheBusinessCommitReplaysTheOriginalResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "w-" + key;
        HttpResponse<String> first = create(name, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        // the moment the widget became visible to others, its response was stored with it
        Integer statusAtCommit = jdbc.sql("SELECT status FROM probe_key_at_commit WHERE idem_key = :key")
                .param("key", key).query(Integer.class).optional().orElse(null);
        assertThat(statusAtCommit).as("stored status when the business commit became visible").isEqualTo(201);

        // the instance dies right there, and the retry comes after abandon-after
        jdbc.sql("DELETE FROM idempotency_key WHERE idem_key = :key").param("key", key).update();
        jdbc.sql("INSERT INTO idempotency_key SELECT * FROM probe_key_at_commit WHERE idem_key = :key").param("key", key).update();
        jdbc.sql("UPDATE idempotency_key SET created_at = now() - interval '3 minutes' WHERE idem_key = :key")
                .param("key", key).update();
        HttpResponse<String> retry = create(name, key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    @Test
    void aRefusalRollsBackAllTheRequestsWorkAndIsReplayed() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "refused-" + key;
        HttpResponse<String> first = create(name, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(422);
        assertThat(json(first).get("type").asText()).endsWith("/widget-refused");
        // create() had written and returned before approve() refused: one transaction, nothing kept
        assertThat(widgetsNamed(name)).isZero();
        HttpResponse<String> replay = create(name, key);
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(replay.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(first.body());
    }

    @Test
    void aRequestWhoseKeyWasTakenOverKeepsNothingAndLeavesTheNewOwnersClaim() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "w-" + key;
        UUID retryOwner = UUID.randomUUID();
        // while the first request is still working, a retry takes its key over (as after abandon-after)
        HttpResponse<String> first = createWhile(name, key, () -> CompletableFuture.runAsync(() -> assertThat(store.claim(SCOPE, key,
                retryOwner, "retry", Instant.now(), Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofMinutes(1))))
                .isTrue()).join());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(409);
        assertThat(json(first).get("type").asText()).endsWith("/idempotency-request-in-progress");
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(widgetsNamed(name)).isZero();
        StoredResponse row = store.find(SCOPE, key).orElseThrow();
        assertThat(row.requestHash()).isEqualTo("retry");
        assertThat(row.status()).isNull();
        assertThat(jdbc.sql("SELECT owner FROM idempotency_key WHERE caller = :caller AND idem_key = :key")
                .param("caller", SCOPE).param("key", key).query(UUID.class).single()).isEqualTo(retryOwner);
    }

    @Test
    void aServiceThatSwallowedAFailedStatementCommitsNothingAndKeepsNoSuccess() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "aborted-" + key;
        // the service catches a failed statement (the transaction is now aborted) and returns as if fine
        HttpResponse<String> first = createWhile(name, key, () -> {
            try {
                jdbc.sql("INSERT INTO probe_widget (name) VALUES (:name)").param("name", name).update();
            } catch (org.springframework.dao.DataAccessException swallowed) {
                // a duplicate: the kind of failure a careless service ignores
            }
        });

        assertThat(first.statusCode()).as(first.body()).isEqualTo(500);
        assertThat(json(first).get("type").asText()).endsWith("/internal-error");
        assertThat(widgetsNamed(name)).as("nothing of the aborted transaction committed").isZero();
        assertThat(store.find(SCOPE, key)).as("the key is free for a retry").isEmpty();
        HttpResponse<String> retry = create(name, key);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    /** Creates a widget while the service runs {@code meanwhile} just before it returns. */
    private HttpResponse<String> createWhile(String name, String key, Runnable meanwhile) throws Exception {
        widgets.beforeReturn(meanwhile);
        try {
            return create(name, key);
        } finally {
            widgets.beforeReturn(() -> { });
        }
    }
}
