package com.fniexchange.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractCancelled;
import com.fniexchange.model.event.contract.ContractPendingReview;
import com.fniexchange.model.event.contract.ContractRejected;
import com.fniexchange.model.event.contract.ContractStatusChanged;
import com.fniexchange.model.event.contract.ContractVoided;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractStatusChangedTest {

    static final ContractNumber NUMBER = ContractNumber.of("VSC3A004352");
    static final DealerCode DEALER = DealerCode.of("D1001");
    static final Instant AT = Instant.parse("2026-11-02T15:00:00Z");

    static final List<ContractStatusChanged> EVENTS = List.of(
            new ContractActivated(NUMBER, DEALER, true, null, AT),
            new ContractPendingReview(NUMBER, DEALER, List.of("retail price above the plan's maximum"), AT),
            new ContractRejected(NUMBER, DEALER, "not eligible", "admin", AT),
            new ContractVoided(NUMBER, DEALER, "unwound", "dealer:D1001:u", AT),
            new ContractCancelled(NUMBER, DEALER, UUID.randomUUID(), LocalDate.of(2026, 11, 2), "UNWIND", AT));

    @Test
    void eachStatusEventNamesTheStatusItSets() {
        assertThat(EVENTS).extracting(ContractStatusChanged::status).containsExactly(
                ContractStatus.ACTIVE, ContractStatus.PENDING_REVIEW, ContractStatus.REJECTED, ContractStatus.VOIDED,
                ContractStatus.CANCELLED);
    }

    @Test
    void theStatusIsNotAFieldOfThePublishedPayload() {
        // partners get the payload the schemas describe; status() is derived from the type
        for (ContractStatusChanged event : EVENTS) {
            assertThat(EventJson.tree(EventJson.write(event).getBytes()).has("status")).as(event.eventType().toString()).isFalse();
        }
    }

    @Test
    void everyMemberOfTheFamilyIsSampledHere() {
        // status() names each member; one added to the family must be added here, with its status
        assertThat(EVENTS).extracting(Object::getClass).containsExactlyInAnyOrder(ContractStatusChanged.class.getPermittedSubclasses());
    }
}
