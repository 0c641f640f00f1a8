package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.claim.ClaimOpened;
import com.fniexchange.model.event.claim.ClaimPaid;
import com.fniexchange.platform.consumer.EventConsumers;
import com.fniexchange.platform.consumer.EventHandlers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;

/**
 * Keeps each contract's claim count and claims paid to date from {@code claim-events}: the void
 * rule needs the count, and the contract states what was paid on it. The inbox (platform) makes
 * a redelivered event count once. A claim opened on a contract already VOIDED (its void reached
 * claims-service more than a day late: README, "Void") is counted and raised, on
 * {@code fni.contract.claims.on.voided} and in the log, for ops to settle by hand.
 */
@Configuration(proxyBeanMethods = false)
class ClaimEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ClaimEventsConsumer.class);

    private final JdbcClient jdbc;
    private final Counter claimsOnVoided;

    ClaimEventsConsumer(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        // registered at start, so the alert's series exists at 0 before anything goes wrong
        this.claimsOnVoided = Counter.builder("fni.contract.claims.on.voided")
                .description("Claims opened on a contract that was already VOIDED: a void and a claim both stand").register(meters);
    }

    @Bean // binding claimEvents-in-0; destination in fni.consumer.bindings.claimEvents
    Consumer<Message<byte[]>> claimEvents(EventConsumers consumers) {
        return consumers.of(EventHandlers.forConsumer("contract-claim-tally")
                .on(ClaimOpened.TYPE, ClaimOpened.class, (envelope, event) -> opened(event.contractNumber()))
                .on(ClaimPaid.TYPE, ClaimPaid.class, (envelope, event) -> paid(event.contractNumber(), event.contractPaidToDate())));
    }

    void opened(ContractNumber number) {
        java.util.Optional<String> status = jdbc.sql("""
                        UPDATE contract SET claim_count = claim_count + 1 WHERE contract_number = :number RETURNING status""")
                .param("number", number.value())
                .query(String.class)
                .optional();
        requireKnown(number, status.isPresent() ? 1 : 0);
        if (status.get().equals("VOIDED")) {
            claimsOnVoided.increment();
            log.error("a claim was opened on contract {}, which is VOIDED: the void reached claims-service too late; "
                    + "settle the claim or the void by hand", number);
        }
    }

    /**
     * The paid-to-date a claim.paid.v1 states is the contract's running total after it: the
     * highest seen is the latest, so a replayed older event cannot lower it.
     */
    void paid(ContractNumber number, Money paidToDate) {
        int updated = jdbc.sql("""
                UPDATE contract SET claims_paid_to_date = GREATEST(claims_paid_to_date, :paid)
                WHERE contract_number = :number
                """)
                .param("number", number.value())
                .param("paid", paidToDate.amount())
                .update();
        requireKnown(number, updated);
    }

    /** A claim on a contract this service never issued is not ours to drop silently: retry, then dead-letter. */
    private static void requireKnown(ContractNumber number, int updated) {
        if (updated == 0) {
            log.warn("claim event for unknown contract {}", number);
            throw new IllegalStateException("no contract " + number + " for this claim event");
        }
    }
}
