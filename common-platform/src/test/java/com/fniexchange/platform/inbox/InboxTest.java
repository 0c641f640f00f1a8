package com.fniexchange.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.platform.SequencedEvent;
import com.fniexchange.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.class)
class InboxTest {

    @Autowired
    Inbox inbox;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    MeterRegistry meters;

    EventEnvelope envelope() {
        return new EventEnvelope(UUID.randomUUID(), SequencedEvent.TYPE, "/test", "S-1", Instant.now(), null, null);
    }

    @Test
    void aRedeliveredEventIsSkippedAndCounted() {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        EventEnvelope event = envelope();
        double before = duplicates();
        assertThat((boolean) tx.execute(s -> inbox.firstDelivery(event, "test-consumer"))).isTrue();
        assertThat((boolean) tx.execute(s -> inbox.firstDelivery(event, "test-consumer"))).isFalse();
        assertThat((boolean) tx.execute(s -> inbox.firstDelivery(event, "another-consumer"))).as("consumers are independent").isTrue();
        assertThat(duplicates() - before).isEqualTo(1.0);
    }

    @Test
    void aRolledBackDeliveryIsNotRemembered() {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        EventEnvelope event = envelope();
        tx.executeWithoutResult(s -> {
            assertThat(inbox.firstDelivery(event, "test-consumer")).isTrue();
            s.setRollbackOnly();
        });
        assertThat((boolean) tx.execute(s -> inbox.firstDelivery(event, "test-consumer"))).isTrue();
    }

    @Test
    void refusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> inbox.firstDelivery(envelope(), "test-consumer")).isInstanceOf(IllegalStateException.class);
    }

    private double duplicates() {
        var counter = meters.find("fni.inbox.duplicates").tag("consumer", "test-consumer").counter();
        return counter == null ? 0 : counter.count();
    }
}
