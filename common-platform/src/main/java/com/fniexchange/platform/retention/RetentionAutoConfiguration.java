package com.fniexchange.platform.retention;

import com.fniexchange.platform.calendar.BusinessCalendarAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One purge job for every platform table's retention (see {@link RetentionPurge}). */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, BusinessCalendarAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RetentionPurge retentionPurge(DataSource dataSource, ObjectProvider<PurgeTarget> targets, RetentionProperties properties,
                                  MeterRegistry registry, Clock clock) {
        return new RetentionPurge(dataSource, targets.orderedStream().toList(), properties, registry, clock);
    }
}
