package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.CancellationProperties;
import com.fniexchange.platform.retention.PurgeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every quote request stores a refund quote; most are never turned into a cancellation. Those
 * that stopped being valid more than {@code fni.cancellation.quote-retention} ago and that no
 * cancellation used go with the platform's retention purge (bounded batches, one instance at a
 * time, metric {@code fni.purge.deleted{target="refund-quotes"}}). A quote a cancellation used is
 * kept with it: the cancellations register and the audit read it.
 */
@Configuration(proxyBeanMethods = false)
class RefundQuoteRetention {

    static final String USED_BY_A_CANCELLATION = "EXISTS (SELECT 1 FROM cancellation c WHERE c.quote_id = refund_quote.quote_id)";

    @Bean
    PurgeTarget refundQuotePurge(CancellationProperties properties) {
        return new PurgeTarget("refund-quotes", "refund_quote", "valid_until", now -> now.minus(properties.quoteRetention()),
                USED_BY_A_CANCELLATION);
    }
}
