package com.fniexchange.platform.idempotency;

import com.fniexchange.platform.web.PlatformWebAutoConfiguration;
import com.fniexchange.platform.web.ProblemResponses;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        PlatformWebAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
public class IdempotencyAutoConfiguration {

    /** After Spring Security's filter chain (order -100): the key space is the authenticated caller. */
    public static final int FILTER_ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyAutoConfiguration.class);

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new IdempotencyStore(jdbc);
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
    ExpiredKeyPurge expiredIdempotencyKeyPurge(IdempotencyStore store, Clock clock) {
        return new ExpiredKeyPurge(store, clock);
    }

    /** Deletes keys past their retention; every instance may run it, the delete is idempotent. */
    static class ExpiredKeyPurge {
        private final IdempotencyStore store;
        private final Clock clock;

        ExpiredKeyPurge(IdempotencyStore store, Clock clock) {
            this.store = store;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${fni.idempotency.purge-interval:15m}", initialDelayString = "1m")
        void purge() {
            int purged = store.purgeExpired(clock.instant());
            if (purged > 0) {
                log.info("purged {} expired idempotency keys", purged);
            }
        }
    }
}
