package com.fniexchange.claims.coverage;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.event.contract.ContractCancelled;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.model.event.contract.ContractStatusChanged;
import com.fniexchange.platform.consumer.ContractStatusProjection;
import java.sql.Types;
import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds {@code contract_coverage} from {@code contract-events} ({@link ContractEventsConsumer},
 * consumer group {@code claims-service}), through the platform's consumer: each event's change and
 * its inbox row commit together, so a redelivered event changes nothing. The rules for events that do not
 * fit (module README, "Coverage projection"):
 * <ul>
 *   <li>{@code submitted} creates the row; a second one for a known contract changes nothing
 *       (the coverage facts of a contract never change: a corrected contract is a new one);</li>
 *   <li>status events follow the platform's {@link ContractStatusProjection} rule ({@code status_at}
 *       is the status's instant): an older status is ignored; one for a contract never submitted
 *       here throws (retried, then dead-lettered on {@code contract-events.dlq}, never guessed).</li>
 * </ul>
 */
@Repository
class CoverageProjection implements ContractStatusProjection {

    private static final Logger log = LoggerFactory.getLogger(CoverageProjection.class);

    private final JdbcClient jdbc;

    CoverageProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void submitted(ContractSubmitted e) {
        int inserted = jdbc.sql("""
                INSERT INTO contract_coverage (contract_number, status, dealer_code, product_code, plan_code, vin, make,
                    sale_date, odometer_at_sale, term_months, term_miles, deductible, limit_of_liability, voidable_until, status_at,
                    updated_at)
                VALUES (:number, 'SUBMITTED', :dealer, :product, :plan, :vin, :make, :saleDate, :odometer, :termMonths,
                    :termMiles, :deductible, :limit, :voidableUntil, :at, now())
                ON CONFLICT (contract_number) DO NOTHING
                """)
                .param("number", e.contractNumber().value())
                .param("dealer", e.dealerCode().value())
                .param("product", e.productCode().value())
                .param("plan", e.planCode())
                .param("vin", e.vin().value())
                .param("make", e.make())
                .param("saleDate", e.saleDate())
                .param("odometer", e.odometer())
                .param("termMonths", e.termMonths())
                .param("termMiles", e.termMiles())
                .param("deductible", e.deductible().amount())
                .param("limit", e.limitOfLiability() == null ? null : e.limitOfLiability().amount())
                .param("voidableUntil", e.voidableUntil(), java.sql.Types.DATE)
                .param("at", Timestamp.from(e.occurredAt()))
                .update();
        if (inserted == 0) {
            log.info("contract {} submitted again (replay); coverage kept as it was", e.contractNumber());
        }
    }

    @Override
    public boolean applyIfNotOlder(ContractStatusChanged event) {
        return jdbc.sql("""
                UPDATE contract_coverage SET status = :status, status_at = :at, updated_at = now(),
                    cancel_date = CASE WHEN :status = 'CANCELLED' THEN CAST(:cancelDate AS date) ELSE cancel_date END
                WHERE contract_number = :number AND status_at <= :at
                """)
                .param("number", event.contractNumber().value())
                .param("status", event.status().name())
                .param("cancelDate", event instanceof ContractCancelled cancelled ? cancelled.cancelDate() : null, Types.DATE)
                .param("at", Timestamp.from(event.occurredAt()))
                .update() == 1;
    }

    @Override
    public boolean holds(ContractNumber contractNumber) {
        return jdbc.sql("SELECT count(*) FROM contract_coverage WHERE contract_number = :number")
                .param("number", contractNumber.value())
                .query(Integer.class).single() > 0;
    }
}
