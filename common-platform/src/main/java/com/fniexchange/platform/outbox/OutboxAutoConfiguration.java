package com.fniexchange.platform.outbox;

import com.fniexchange.platform.calendar.BusinessCalendarAutoConfiguration;
import com.fniexchange.platform.retention.PurgeTarget;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional outbox: {@link OutboxWriter} for services, {@link OutboxRelay} to publish,
 * {@link OutboxOperations} and {@code /actuator/outbox} for parked chains. Works without a web
 * server; the relay runs only where {@code fni.outbox.relay-enabled} is true (the default) and
 * the service declares destinations.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class, BusinessCalendarAutoConfiguration.class},
        afterName = "org.springframework.cloud.stream.function.FunctionConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxAutoConfiguration {

    @Bean
    OutboxRepository outboxRepository(JdbcClient jdbc) {
        return new OutboxRepository(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(JdbcClient jdbc, OutboxProperties properties, Environment environment) {
        String source = properties.source() != null && !properties.source().isBlank() ? properties.source()
                : "/fni-exchange/" + environment.getProperty("spring.application.name", "service");
        return new OutboxWriter(jdbc, source, properties.destinations());
    }

    @Bean
    PurgeTarget publishedOutboxPurge(OutboxProperties properties) {
        return new PurgeTarget("outbox", "outbox_event", "published_at", now -> now.minus(properties.retention()));
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry registry, OutboxRepository repository,
                                PlatformTransactionManager txManager, Clock clock) {
        TransactionTemplate readOnly = new TransactionTemplate(txManager);
        readOnly.setReadOnly(true);
        return new OutboxMetrics(registry, repository, readOnly, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxOperations outboxOperations(OutboxRepository repository, PlatformTransactionManager txManager) {
        return new OutboxOperations(repository, new TransactionTemplate(txManager));
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    OutboxEndpoint outboxEndpoint(OutboxOperations operations) {
        return new OutboxEndpoint(operations);
    }

    @Bean
    SendAcknowledgements outboxSendAcknowledgements() {
        return new SendAcknowledgements();
    }

    /** Pipelined sends where the outbox publishes through the Kafka binder. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler")
    static class KafkaPipelining {

        @Bean
        ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> outboxKafkaPipelinedSends(
                SendAcknowledgements acknowledgements, OutboxProperties properties) {
            return new KafkaPipelinedSends(acknowledgements, Set.copyOf(properties.destinations()));
        }
    }

    /** Not created at all when disabled, so nothing (no lifecycle start, no sender thread) can publish. */
    @Bean
    @ConditionalOnProperty(name = "fni.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnBean(StreamBridge.class)
    OutboxRelay outboxRelay(OutboxRepository repository, StreamBridge streamBridge, OutboxMetrics metrics,
                            PlatformTransactionManager txManager, DataSource dataSource, OutboxProperties properties, Clock clock,
                            SendAcknowledgements acknowledgements) {
        return new OutboxRelay(repository, new OutboxPublisher(streamBridge, properties.partitionKeyHeader(), properties.destinations(),
                acknowledgements),
                metrics, new TransactionTemplate(txManager), new OutboxNotifications(dataSource), properties, clock);
    }
}
