package com.fniexchange.contract.rating;

import com.fniexchange.contract.ContractProperties;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every rate request stores a quote and its plans; most are never contracted. Quotes that
 * expired more than {@code fni.contract.quote-retention} ago and carry no contract are deleted,
 * so the table does not grow without bound. A quote with a contract is kept with it.
 */
@Component
class QuoteHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(QuoteHousekeeping.class);

    private final JdbcClient jdbc;
    private final ContractProperties properties;
    private final Clock clock;

    QuoteHousekeeping(JdbcClient jdbc, ContractProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs hourly on every instance; the delete is idempotent. */
    @Scheduled(fixedDelayString = "${fni.contract.quote-purge-interval:1h}", initialDelayString = "5m")
    int purgeUncontractedQuotes() {
        int purged = jdbc.sql("""
                DELETE FROM quote q
                WHERE q.expires_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM contract c WHERE c.quote_id = q.quote_id)
                """)
                .param("cutoff", Timestamp.from(clock.instant().minus(properties.quoteRetention())))
                .update();
        if (purged > 0) {
            log.info("purged {} uncontracted quotes expired more than {} ago", purged, properties.quoteRetention());
        }
        return purged;
    }
}
