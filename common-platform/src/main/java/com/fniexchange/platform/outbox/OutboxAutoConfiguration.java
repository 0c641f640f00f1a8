package com.fniexchange.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fniexchange.platform.web.PlatformWebAutoConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactional outbox: {@link OutboxWriter} for services, {@link OutboxRelay} to publish. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class, PlatformWebAutoConfiguration.class},
        afterName = "org.springframework.cloud.stream.function.FunctionConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRepository outboxRepository(JdbcClient jdbc) {
        return new OutboxRepository(jdbc);
    }

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, ObjectMapper json, OutboxProperties properties, Environment environment) {
        String source = properties.source() != null && !properties.source().isBlank() ? properties.source()
                : "/fni-exchange/" + environment.getProperty("spring.application.name", "service");
        return new OutboxWriter(jdbc, json, source);
    }

    @Bean
    OutboxMetrics outboxMetrics(MeterRegistry registry, OutboxRepository repository,
                                PlatformTransactionManager txManager, Clock clock) {
        TransactionTemplate readOnly = new TransactionTemplate(txManager);
        readOnly.setReadOnly(true);
        return new OutboxMetrics(registry, repository, readOnly, clock);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxRepository repository, StreamBridge streamBridge, ObjectMapper json,
                            OutboxMetrics metrics, PlatformTransactionManager txManager, DataSource dataSource,
                            OutboxProperties properties, Clock clock) {
        return new OutboxRelay(repository, new OutboxPublisher(streamBridge, json, properties.partitionKeyHeader()),
                metrics, new TransactionTemplate(txManager), new OutboxNotifications(dataSource), properties, clock);
    }
}
