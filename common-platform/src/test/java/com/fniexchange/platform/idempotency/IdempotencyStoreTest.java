package com.fniexchange.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.class)
class IdempotencyStoreTest {

    @Autowired
    IdempotencyStore store;

    final Instant now = Instant.now();
    final Instant abandonedBefore = now.minus(Duration.ofMinutes(2));

    @Test
    void aKeyIsClaimedOnceWhileItsRequestRunsOrItsResponseIsKept() {
        String key = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        assertThat(store.claim("dealer:D1", key, first, "h1", now, now.plus(Duration.ofHours(24)), abandonedBefore)).isTrue();
        assertThat(store.claim("dealer:D1", key, UUID.randomUUID(), "h1", now, now.plus(Duration.ofHours(24)), abandonedBefore)).as("running").isFalse();
        assertThat(store.claim("dealer:D2", key, UUID.randomUUID(), "h1", now, now.plus(Duration.ofHours(24)), abandonedBefore)).as("other caller").isTrue();

        assertThat(store.complete("dealer:D1", key, first, 201, "application/json", "/x/1", "{}".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(store.claim("dealer:D1", key, UUID.randomUUID(), "h2", now, now.plus(Duration.ofHours(24)), abandonedBefore)).as("kept").isFalse();
        StoredResponse stored = store.find("dealer:D1", key).orElseThrow();
        assertThat(stored.requestHash()).isEqualTo("h1");
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.location()).isEqualTo("/x/1");
    }

    @Test
    void expiredResponsesAndAbandonedRequestsAreTakenOver() {
        String expired = UUID.randomUUID().toString();
        UUID old = UUID.randomUUID();
        store.claim("dealer:D1", expired, old, "old", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), abandonedBefore);
        store.complete("dealer:D1", expired, old, 201, "application/json", null, new byte[0]);
        assertThat(store.claim("dealer:D1", expired, UUID.randomUUID(), "new", now, now.plus(Duration.ofHours(24)), abandonedBefore)).isTrue();
        StoredResponse taken = store.find("dealer:D1", expired).orElseThrow();
        assertThat(taken.requestHash()).isEqualTo("new");
        assertThat(taken.status()).isNull();

        String abandoned = UUID.randomUUID().toString();
        store.claim("dealer:D1", abandoned, UUID.randomUUID(), "h", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(24)), abandonedBefore);
        assertThat(store.claim("dealer:D1", abandoned, UUID.randomUUID(), "h", now, now.plus(Duration.ofHours(24)), abandonedBefore)).isTrue();
    }

    @Test
    void aRequestWhoseKeyWasTakenOverCanNeitherStoreNorFreeIt() {
        String key = UUID.randomUUID().toString();
        UUID abandonedOwner = UUID.randomUUID();
        UUID newOwner = UUID.randomUUID();
        store.claim("dealer:D1", key, abandonedOwner, "h", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(24)), abandonedBefore);
        assertThat(store.claim("dealer:D1", key, newOwner, "h", now, now.plus(Duration.ofHours(24)), abandonedBefore)).isTrue();

        // the old request comes back late: neither its answer nor its failure touches the new claim
        assertThat(store.complete("dealer:D1", key, abandonedOwner, 201, "application/json", "/x/old", new byte[0])).isFalse();
        assertThat(store.release("dealer:D1", key, abandonedOwner)).isFalse();
        StoredResponse running = store.find("dealer:D1", key).orElseThrow();
        assertThat(running.status()).isNull();
        assertThat(running.location()).isNull();

        assertThat(store.complete("dealer:D1", key, newOwner, 201, "application/json", "/x/new", new byte[0])).isTrue();
        assertThat(store.release("dealer:D1", key, abandonedOwner)).isFalse();
        assertThat(store.release("dealer:D1", key, newOwner)).as("a stored response is never freed").isFalse();
        assertThat(store.find("dealer:D1", key).orElseThrow().location()).isEqualTo("/x/new");
    }
}
