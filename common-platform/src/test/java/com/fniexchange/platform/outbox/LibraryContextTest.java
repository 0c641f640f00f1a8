package com.fniexchange.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.platform.SequencedEvent;
import com.fniexchange.platform.calendar.BusinessCalendar;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The platform in a service with no web server and the relay switched off (an API-only or batch
 * instance), publishing to two destinations declared as a YAML list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = TestInfrastructure.class)
@ActiveProfiles({"test", "library"})
@TestPropertySource(properties = TestInfrastructure.ISOLATED_DATABASE + "=true")
class LibraryContextTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    OutboxWriter writer;
    @Autowired
    OutboxProperties properties;
    @Autowired
    OutboxRepository repository;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    StreamBridge streamBridge;
    @Autowired
    SendAcknowledgements acknowledgements;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startsWithoutAWebServerWithTheSharedBeans() {
        assertThat(context).isNotInstanceOf(WebApplicationContext.class);
        assertThat(context.getBeansOfType(SecurityFilterChain.class)).isEmpty();
        assertThat(context.getBean(Clock.class).getZone()).as("the shared clock counts in UTC").isEqualTo(ZoneOffset.UTC);
        BusinessCalendar calendar = context.getBean(BusinessCalendar.class);
        assertThat(calendar.zone()).as("the business counts days in its default zone").isEqualTo(ZoneId.of("America/New_York"));
        LocalDate before = LocalDate.now(calendar.zone());
        LocalDate today = calendar.today();
        assertThat(today).isIn(before, LocalDate.now(calendar.zone()));
    }

    @Test
    void aYamlListOfDestinationsBindsEveryOne() {
        assertThat(properties.destinations()).containsExactly("platform-alpha-events", "platform-beta-events");
        assertThat(environment.getProperty("spring.cloud.stream.output-bindings"))
                .as("each becomes output binding <destination>-out-0").isEqualTo("platform-alpha-events;platform-beta-events");
        assertThat(environment.getProperty("spring.cloud.stream.bindings.platform-beta-events-out-0.destination"))
                .isEqualTo("platform-beta-events");
    }

    @Test
    void withTheRelayDisabledRowsStayUnpublished() throws Exception {
        assertThat(context.getBeansOfType(OutboxRelay.class)).as("no relay bean at all").isEmpty();
        String subject = "API-ONLY-" + UUID.randomUUID();
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                writer.append("platform-alpha-events", new SequencedEvent(subject, 0, Instant.now())));
        // nothing else could publish it either: this context has a database of its own
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :s AND published_at IS NULL")
                .param("s", subject).query(Long.class).single()).isOne();
    }

    @Test
    void eventsAreWrittenWithThePinnedMappingNotTheApplicationsTunedOne() {
        String subject = "PINNED-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-27T10:15:30.123Z");
        new TransactionTemplate(txManager).executeWithoutResult(s ->
                writer.append("platform-beta-events", new SequencedEvent(subject, 7, at)));
        String payload = jdbc.sql("SELECT payload::text FROM outbox_event WHERE aggregate_id = :s").param("s", subject)
                .query(String.class).single();
        assertThat(payload).isEqualTo("{\"subject\":\"" + subject + "\",\"sequence\":7,\"occurredAt\":\"2026-11-27T10:15:30.123Z\"}");
    }

    @Test
    void eventsReachBothDeclaredDestinationsAndAnUndeclaredOneIsRefused() throws Exception {
        String subject = "TWO-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.executeWithoutResult(s -> {
            writer.append("platform-alpha-events", new SequencedEvent(subject, 0, Instant.now()));
            writer.append("platform-beta-events", new SequencedEvent(subject, 1, Instant.now()));
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(s ->
                writer.append("platform-test-events", new SequencedEvent(subject, 2, Instant.now()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not declared");
        // an instance that does run the relay publishes them
        OutboxRelay relay = new OutboxRelay(repository, new OutboxPublisher(streamBridge, properties.partitionKeyHeader(),
                properties.destinations(), acknowledgements), metrics, tx, new OutboxNotifications(dataSource), properties, Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int published = 0;
        while (published < 2 && System.nanoTime() < deadline) {
            published += relay.drainOnce().published();
        }
        assertThat(published).isEqualTo(2);
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TestKafka.brokers(), "platform-alpha-events",
                "platform-beta-events")) {
            List<ConsumerRecord<String, String>> records = TestKafka.poll(consumer, 2, Duration.ofSeconds(30)).stream()
                    .filter(r -> subject.equals(r.key())).toList();
            assertThat(records).extracting(ConsumerRecord::topic)
                    .containsExactlyInAnyOrder("platform-alpha-events", "platform-beta-events");
            assertThat(Set.copyOf(records.stream().map(r -> r.headers().lastHeader("ce_subject")).map(h -> new String(h.value())).toList()))
                    .containsExactly(subject);
        }
    }
}
