package com.fniexchange.export.support;

import com.fniexchange.testsupport.TestVins;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Claims written straight into claims-service's tables and outbox, as the service leaves them. */
public final class ClaimRows {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ClaimRows() {
    }

    /** A contract covered for claims, sold by {@code dealer}, on a vehicle of {@code make}. Returns its number. */
    public static String coverage(String dealer, String make) {
        String vin = TestVins.next();
        String number = "VSC" + vin.substring(9) + "-C" + SEQUENCE.incrementAndGet();
        ContractRows.jdbc().sql("""
                INSERT INTO claims.contract_coverage (contract_number, status, dealer_code, product_code, plan_code, vin, make,
                    sale_date, odometer_at_sale, term_months, term_miles, deductible, limit_of_liability, status_at, updated_at)
                VALUES (:n, 'ACTIVE', :dealer, 'VSC', 'VSC-36-36-100', :vin, :make, DATE '2025-06-01', 12000, 36, 36000,
                    100.00, 10000.00, now(), now())""")
                .param("n", number).param("dealer", dealer).param("vin", vin).param("make", make).update();
        return number;
    }

    /** A claim opened at {@code openedAt} by facility {@code facility}, still open. */
    public static UUID open(String contract, String facility, Instant openedAt) {
        UUID claim = UUID.randomUUID();
        ContractRows.jdbc().sql("""
                INSERT INTO claims.claim (claim_id, contract_number, repair_facility, repair_facility_name, repair_order_number,
                    repair_date, odometer, complaint, status, claim_date, opened_by, opened_at, updated_at)
                VALUES (:id, :n, :facility, 'Service Dept', :ro, :day, 30000, 'noise', 'OPEN', :day, 'test', :at, :at)""")
                .param("id", claim).param("n", contract).param("facility", facility).param("ro", "RO-" + SEQUENCE.incrementAndGet())
                .param("day", openedAt.atZone(ContractRows.ZONE).toLocalDate()).param("at", Timestamp.from(openedAt)).update();
        return claim;
    }

    /**
     * Pays the claim {@code amount} at {@code paidAt}; with {@code published}, its claim.paid.v1
     * event as the relay leaves it: keyed by the contract number, the claim id in the payload.
     */
    public static void pay(UUID claim, String contract, String dealer, Instant paidAt, String amount, boolean published) {
        var day = paidAt.atZone(ContractRows.ZONE).toLocalDate();
        ContractRows.jdbc().sql("""
                UPDATE claims.claim SET status = 'PAID', authorization_number = :auth, authorized_amount = :amount,
                    authorized_by = 'test', authorized_at = :at, paid_amount = :amount, paid_date = :day, paid_at = :at,
                    disposition = 'PAID', updated_at = :at
                WHERE claim_id = :id""")
                .param("auth", "A-" + claim).param("amount", new BigDecimal(amount)).param("day", day)
                .param("at", Timestamp.from(paidAt)).param("id", claim).update();
        if (published) {
            ContractRows.jdbc().sql("""
                    INSERT INTO claims.outbox_event (event_id, destination, event_type, aggregate_id, payload, headers,
                        occurred_at, published_at)
                    VALUES (:event, 'claim-events', 'com.fniexchange.claim.paid.v1', :n, CAST(:payload AS json), '{}'::jsonb,
                        :at, now())""")
                    .param("event", UUID.randomUUID()).param("n", contract).param("at", Timestamp.from(paidAt))
                    .param("payload", """
                            {"contractNumber":"%s","claimId":"%s","dealerCode":"%s","repairFacility":"%s","paidAmount":%s,\
                            "contractPaidToDate":%s,"paidDate":"%s","occurredAt":"%s"}"""
                            .formatted(contract, claim, dealer, dealer, amount, amount, day, paidAt))
                    .update();
        }
    }
}
