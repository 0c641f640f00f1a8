package com.fniexchange.export.support;

import com.fniexchange.testsupport.TestDatabase;
import com.fniexchange.testsupport.TestVins;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Contract rows written straight into contract-service's tables, for tests that need many
 * records on a past business date or a record whose event was never published. The end-to-end
 * test creates its contracts through contract-service's API instead.
 */
public final class ContractRows {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static JdbcClient jdbc;

    private ContractRows() {
    }

    public static synchronized JdbcClient jdbc() {
        if (jdbc == null) {
            TestDatabase db = TestDatabase.get();
            jdbc = JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()));
        }
        return jdbc;
    }

    /** Noon of a business date in the business zone, plus some seconds. */
    public static Instant during(LocalDate date, int second) {
        return date.atTime(12, 0).atZone(ZONE).toInstant().plusSeconds(second);
    }

    /**
     * An issued (ACTIVE) contract; with {@code published}, its submitted and activated events as
     * the relay leaves them (published). Returns its number.
     */
    public static String issue(String dealer, String make, Instant issuedAt, String price, String cost, boolean published) {
        make = make.toUpperCase(java.util.Locale.ROOT); // as contract-service stores it
        String vin = TestVins.next();
        String number = "VSC" + vin.substring(9) + "-T" + SEQUENCE.incrementAndGet();
        UUID quote = UUID.randomUUID();
        LocalDate sale = issuedAt.atZone(ZONE).toLocalDate();
        jdbc().sql("""
                INSERT INTO contract.quote (quote_id, dealer_code, vin, make, model_year, odometer, vehicle_in_service_date,
                    sale_date, customer_state, created_at, expires_at)
                VALUES (:q, :dealer, :vin, :make, 2023, 12000, :inService, :sale, 'TX', :at, :at)""")
                .param("q", quote).param("dealer", dealer).param("vin", vin).param("make", make)
                .param("inService", sale.minusYears(1)).param("sale", sale).param("at", Timestamp.from(issuedAt)).update();
        jdbc().sql("""
                INSERT INTO contract.contract (contract_number, dealer_code, deal_number, product_code, plan_code, quote_id, vin,
                    make, model_year, odometer, vehicle_in_service_date, sale_date, term_months, term_miles, deductible,
                    dealer_cost, suggested_retail, customer_price, financed, lienholder, customer_first_name,
                    customer_last_name, customer_state, status, submitted_by, submitted_at, updated_at, limit_of_liability)
                VALUES (:n, :dealer, :deal, 'VSC', 'VSC-36-36-100', :q, :vin, :make, 2023, 12000, :inService, :sale, 36, 36000,
                    100.00, :cost, 1695.00, :price, false, NULL, 'Jane', 'Doe', 'TX', 'ACTIVE', 'test', :at, :at, 10000.00)""")
                .param("n", number).param("dealer", dealer).param("deal", "DEAL-" + number).param("q", quote)
                .param("vin", vin).param("make", make).param("inService", sale.minusYears(1)).param("sale", sale)
                .param("cost", new BigDecimal(cost)).param("price", new BigDecimal(price)).param("at", Timestamp.from(issuedAt))
                .update();
        jdbc().sql("""
                INSERT INTO contract.contract_status_history (contract_number, from_status, to_status, reason, actor, changed_at)
                VALUES (:n, NULL, 'SUBMITTED', NULL, 'test', :at), (:n, 'SUBMITTED', 'ACTIVE', 'auto-approved', 'system', :at)""")
                .param("n", number).param("at", Timestamp.from(issuedAt)).update();
        if (published) {
            publishSubmittedAndActivated(number, dealer, issuedAt, price, cost);
        }
        return number;
    }

    /** The events contract-service publishes when a contract is issued, as published rows. */
    public static void publishSubmittedAndActivated(String number, String dealer, Instant at, String price, String cost) {
        event(number, "com.fniexchange.contract.submitted.v1", at, """
                {"contractNumber":"%s","dealerCode":"%s","customerPrice":%s,"dealerCost":%s,"occurredAt":"%s"}"""
                .formatted(number, dealer, price, cost, at));
        event(number, "com.fniexchange.contract.activated.v1", at, """
                {"contractNumber":"%s","dealerCode":"%s","automatic":true,"occurredAt":"%s"}""".formatted(number, dealer, at));
    }

    /** Marks the contract remitted at {@code at} on a new remittance; with {@code published}, its event. */
    public static UUID remit(String number, String dealer, Instant at, String cost, boolean published) {
        UUID remittance = UUID.randomUUID();
        jdbc().sql("""
                INSERT INTO contract.remittance (remittance_id, dealer_code, contract_count, total_dealer_cost, submitted_by, created_at)
                VALUES (:r, :dealer, 1, :cost, 'test', :at)""")
                .param("r", remittance).param("dealer", dealer).param("cost", new BigDecimal(cost))
                .param("at", Timestamp.from(at)).update();
        jdbc().sql("UPDATE contract.contract SET remittance_id = :r, remitted_at = :at WHERE contract_number = :n")
                .param("r", remittance).param("at", Timestamp.from(at)).param("n", number).update();
        if (published) {
            event(number, "com.fniexchange.contract.remitted.v1", at, """
                    {"contractNumber":"%s","dealerCode":"%s","remittanceId":"%s","dealerCost":%s,"occurredAt":"%s"}"""
                    .formatted(number, dealer, remittance, cost, at));
        }
        return remittance;
    }

    private static void event(String aggregate, String type, Instant at, String payload) {
        // published now: the relay never sends a published row, and the purge keeps it (retention counts from now)
        jdbc().sql("""
                INSERT INTO contract.outbox_event (event_id, destination, event_type, aggregate_id, payload, headers,
                    occurred_at, published_at)
                VALUES (:id, 'contract-events', :type, :aggregate, CAST(:payload AS json), '{}'::jsonb, :at, now())""")
                .param("id", UUID.randomUUID()).param("type", type).param("aggregate", aggregate).param("payload", payload)
                .param("at", Timestamp.from(at)).update();
    }
}
