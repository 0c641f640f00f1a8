package com.fniexchange.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractVoided;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    static final Instant AT = Instant.parse("2026-11-26T15:04:05.123Z");

    @Test
    void writesIsoInstantsAndReadsBack() {
        ContractVoided voided = new ContractVoided(ContractNumber.of("VSC3A004352"), DealerCode.of("D1001"), "unwound",
                "dealer:D1001:u1", AT);
        String body = EventJson.write(voided);
        assertThat(body).contains("\"occurredAt\":\"2026-11-26T15:04:05.123Z\"").contains("\"contractNumber\":\"VSC3A004352\"");
        assertThat(EventJson.read(body.getBytes(StandardCharsets.UTF_8), ContractVoided.class)).isEqualTo(voided);
    }

    @Test
    void aNewOptionalFieldDoesNotBreakAnOlderConsumer() {
        String body = EventJson.write(new ContractActivated(ContractNumber.of("VSC3A004352"), DealerCode.of("D1001"), true, null, AT));
        String newer = body.substring(0, body.length() - 1) + ",\"addedInV1_1\":{\"x\":1}}";
        ContractActivated read = EventJson.read(newer.getBytes(StandardCharsets.UTF_8), ContractActivated.class);
        assertThat(read.contractNumber()).isEqualTo(ContractNumber.of("VSC3A004352"));
        assertThat(read.occurredAt()).isEqualTo(AT);
    }

    @Test
    void aBodyThatDoesNotFitIsRefusedWithItsReason() {
        assertThatThrownBy(() -> EventJson.read("{\"contractNumber\":\"x\"}".getBytes(StandardCharsets.UTF_8), ContractVoided.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ContractVoided");
    }
}
