package com.fniexchange.platform.idempotency;

import com.fniexchange.platform.web.PlatformWebAutoConfiguration;
import com.fniexchange.platform.retention.PurgeTarget;
import com.fniexchange.platform.web.ProblemResponses;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

@AutoConfiguration(after = {DataSourceAutoConfiguration.class, PlatformWebAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class IdempotencyAutoConfiguration {

    /** After Spring Security's filter chain (order -100): the key space is the authenticated caller. */
    public static final int FILTER_ORDER = 0;

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotencyStore store, IdempotencyProperties properties,
                                                                      ProblemResponses problems, Clock clock) {
        FilterRegistrationBean<IdempotencyKeyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyKeyFilter(store, properties, problems, clock));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    PurgeTarget expiredIdempotencyKeyPurge() {
        return new PurgeTarget("idempotency", "idempotency_key", "expires_at", now -> now);
    }
}
