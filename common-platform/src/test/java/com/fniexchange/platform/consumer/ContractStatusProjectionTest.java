package com.fniexchange.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.contract.ContractStatusChanged;
import com.fniexchange.model.event.contract.ContractVoided;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule every contract-status projection applies, on an in-memory projection. */
class ContractStatusProjectionTest {

    static final ContractNumber NUMBER = ContractNumber.of("VSC3A004352");

    record Held(ContractStatus status, Instant at) {
    }

    /** Holds statuses by contract, applying only what is not older, as the services' SQL does. */
    static final class InMemory implements ContractStatusProjection {
        final Map<ContractNumber, Held> held = new HashMap<>();

        @Override
        public boolean applyIfNotOlder(ContractStatusChanged event) {
            Held now = held.get(event.contractNumber());
            if (now == null || now.at().isAfter(event.occurredAt())) {
                return false;
            }
            held.put(event.contractNumber(), new Held(event.status(), event.occurredAt()));
            return true;
        }

        @Override
        public boolean holds(ContractNumber contractNumber) {
            return held.containsKey(contractNumber);
        }
    }

    static ContractVoided voided(Instant at) {
        return new ContractVoided(NUMBER, DealerCode.of("D1001"), "unwound", "dealer:D1001:u", at);
    }

    @Test
    void aNewerStatusApplies() {
        InMemory projection = new InMemory();
        projection.held.put(NUMBER, new Held(ContractStatus.ACTIVE, Instant.parse("2026-11-01T00:00:00Z")));
        projection.apply(voided(Instant.parse("2026-11-02T00:00:00Z")));
        assertThat(projection.held.get(NUMBER).status()).isEqualTo(ContractStatus.VOIDED);
    }

    @Test
    void anOlderStatusIsIgnored() {
        InMemory projection = new InMemory();
        Held active = new Held(ContractStatus.ACTIVE, Instant.parse("2026-11-03T00:00:00Z"));
        projection.held.put(NUMBER, active);
        projection.apply(voided(Instant.parse("2026-11-02T00:00:00Z")));
        assertThat(projection.held.get(NUMBER)).isEqualTo(active);
    }

    @Test
    void aStatusForAContractNotHeldThrowsSoTheEventIsDeadLettered() {
        assertThatThrownBy(() -> new InMemory().apply(voided(Instant.now())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(NUMBER.value())
                .hasMessageContaining("VOIDED");
    }

    @Test
    void everyStatusEventIsRegisteredOnce() {
        EventHandlers handlers = EventHandlers.forConsumer("probe").onContractStatus(new InMemory());
        assertThat(handlers.types()).containsExactlyInAnyOrder(
                "com.fniexchange.contract.activated.v1", "com.fniexchange.contract.pending-review.v1",
                "com.fniexchange.contract.rejected.v1", "com.fniexchange.contract.voided.v1",
                "com.fniexchange.contract.cancelled.v1");
    }
}
