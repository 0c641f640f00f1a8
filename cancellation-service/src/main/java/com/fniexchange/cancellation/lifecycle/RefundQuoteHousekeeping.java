package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.CancellationProperties;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every quote request stores a refund quote; most are never turned into a cancellation. Quotes
 * that stopped being valid more than {@code fni.cancellation.quote-retention} ago and that no
 * cancellation used are deleted, {@code quote-purge-batch} at a time, each batch its own short
 * transaction, so a long backlog never holds locks for long. A quote a cancellation used is kept
 * with it: the cancellations register and the audit read it.
 */
@Component
class RefundQuoteHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(RefundQuoteHousekeeping.class);

    private final JdbcClient jdbc;
    private final CancellationProperties properties;
    private final Clock clock;

    RefundQuoteHousekeeping(JdbcClient jdbc, CancellationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs hourly on every instance; a row two instances both pick is deleted by one and skipped by the other. */
    @Scheduled(fixedDelayString = "${fni.cancellation.quote-purge-interval:1h}", initialDelayString = "5m")
    int purgeUnusedQuotes() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.quoteRetention()));
        int purged = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                    DELETE FROM refund_quote WHERE quote_id IN (
                        SELECT q.quote_id FROM refund_quote q
                        WHERE q.valid_until < :cutoff
                          AND NOT EXISTS (SELECT 1 FROM cancellation c WHERE c.quote_id = q.quote_id)
                        ORDER BY q.valid_until
                        LIMIT :batch
                        FOR UPDATE SKIP LOCKED)
                    """)
                    .param("cutoff", cutoff)
                    .param("batch", properties.quotePurgeBatch())
                    .update();
            purged += batch;
        } while (batch == properties.quotePurgeBatch());
        if (purged > 0) {
            log.info("purged {} unused refund quotes invalid for more than {}", purged, properties.quoteRetention());
        }
        return purged;
    }
}
