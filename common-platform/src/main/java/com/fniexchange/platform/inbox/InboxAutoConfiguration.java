package com.fniexchange.platform.inbox;

import com.fniexchange.platform.retention.PurgeTarget;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consumer inbox, and the purge of processed event ids past {@code fni.inbox.retention}. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(InboxProperties.class)
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(JdbcClient jdbc, MeterRegistry registry) {
        return new Inbox(jdbc, registry);
    }

    @Bean
    PurgeTarget processedEventPurge(InboxProperties properties) {
        return new PurgeTarget("inbox", "processed_event", "processed_at", now -> now.minus(properties.retention()));
    }
}
