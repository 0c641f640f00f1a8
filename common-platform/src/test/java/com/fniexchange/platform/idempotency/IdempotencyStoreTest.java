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
        assertThat(store.claim("dealer:D1", key, "h1", now, now.plus(Duration.ofHours(24)), abandonedBefore)).isTrue();
        assertThat(store.claim("dealer:D1", key, "h1", now, now.plus(Duration.ofHours(24)), abandonedBefore)).as("running").isFalse();
        assertThat(store.claim("dealer:D2", key, "h1", now, now.plus(Duration.ofHours(24)), abandonedBefore)).as("other caller").isTrue();

        store.complete("dealer:D1", key, 201, "application/json", "/x/1", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(store.claim("dealer:D1", key, "h2", now, now.plus(Duration.ofHours(24)), abandonedBefore)).as("kept").isFalse();
        StoredResponse stored = store.find("dealer:D1", key).orElseThrow();
        assertThat(stored.requestHash()).isEqualTo("h1");
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.location()).isEqualTo("/x/1");
    }

    @Test
    void expiredResponsesAndAbandonedRequestsAreTakenOver() {
        String expired = UUID.randomUUID().toString();
        store.claim("dealer:D1", expired, "old", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), abandonedBefore);
        store.complete("dealer:D1", expired, 201, "application/json", null, new byte[0]);
        assertThat(store.claim("dealer:D1", expired, "new", now, now.plus(Duration.ofHours(24)), abandonedBefore)).isTrue();
        StoredResponse taken = store.find("dealer:D1", expired).orElseThrow();
        assertThat(taken.requestHash()).isEqualTo("new");
        assertThat(taken.status()).isNull();

        String abandoned = UUID.randomUUID().toString();
        store.claim("dealer:D1", abandoned, "h", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(24)), abandonedBefore);
        assertThat(store.claim("dealer:D1", abandoned, "h", now, now.plus(Duration.ofHours(24)), abandonedBefore)).isTrue();
    }

    @Test
    void purgeRemovesOnlyExpiredKeys() {
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        store.claim("dealer:D9", expired, "h", now.minus(Duration.ofDays(2)), now.minus(Duration.ofSeconds(1)), abandonedBefore);
        store.claim("dealer:D9", live, "h", now, now.plus(Duration.ofHours(1)), abandonedBefore);
        assertThat(store.purgeExpired(now)).isGreaterThanOrEqualTo(1);
        assertThat(store.find("dealer:D9", expired)).isEmpty();
        assertThat(store.find("dealer:D9", live)).isPresent();
    }
}
