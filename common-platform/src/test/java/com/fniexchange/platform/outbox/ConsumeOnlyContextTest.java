package com.fniexchange.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.platform.SequencedEvent;
import com.fniexchange.platform.inbox.Inbox;
import com.fniexchange.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A service that only consumes: no web server, no destination, so no output binding and no relay at work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = TestInfrastructure.class)
@TestPropertySource(properties = {
        TestInfrastructure.ISOLATED_DATABASE + "=true",
        "spring.main.web-application-type=none",
        "fni.outbox.destinations="})
class ConsumeOnlyContextTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    OutboxWriter writer;
    @Autowired
    Inbox inbox;
    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void startsWithNoOutputBindingAndNoRunningRelay() {
        assertThat(environment.getProperty("spring.cloud.stream.output-bindings")).isNull();
        assertThat(context.getBeansOfType(OutboxRelay.class).values()).allSatisfy(relay -> assertThat(relay.isRunning()).isFalse());
    }

    @Test
    void theInboxStillSkipsARedeliveredEvent() {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), SequencedEvent.TYPE, "/test", "S-1", Instant.now(), null, null);
        assertThat((boolean) tx.execute(s -> inbox.firstDelivery(event, "consume-only"))).isTrue();
        assertThat((boolean) tx.execute(s -> inbox.firstDelivery(event, "consume-only"))).as("redelivered").isFalse();
    }

    @Test
    void writingAnEventIsRefusedSinceNothingIsDeclared() {
        assertThatThrownBy(() -> new TransactionTemplate(txManager).executeWithoutResult(s ->
                writer.append("platform-test-events", new SequencedEvent("X", 0, Instant.now()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not declared");
    }
}
