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
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        PlatformWebAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class IdempotencyAutoConfiguration {

    /** After Spring Security's filter chain (order -100): the key space is the authenticated caller. */
    public static final int FILTER_ORDER = 0;

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, DataSource dataSource) {
        return new IdempotencyStore(jdbc, dataSource);
    }

    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotencyStore store, IdempotencyProperties properties,
                                                                      ProblemResponses problems, Clock clock,
                                                                      PlatformTransactionManager transactionManager) {
        // REQUIRED: the services' @Transactional methods join the request's transaction
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyKeyFilter(store, properties, problems, clock, new TransactionTemplate(transactionManager)));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    PurgeTarget expiredIdempotencyKeyPurge() {
        return new PurgeTarget("idempotency", "idempotency_key", "expires_at", now -> now);
    }
}
