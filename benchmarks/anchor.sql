-- The raw-database anchor of benchmarks/run.sh: one contract-like row plus one outbox row per
-- transaction, into copies of contract-service's own tables (same columns, indexes, defaults).
BEGIN;
INSERT INTO bench_anchor.contract (contract_number, dealer_code, deal_number, product_code, plan_code, quote_id, vin, make,
    model_year, odometer, vehicle_in_service_date, sale_date, term_months, term_miles, deductible, limit_of_liability, dealer_cost,
    suggested_retail, customer_price, financed, customer_first_name, customer_last_name, customer_state, status,
    review_reasons, submitted_by, submitted_at, updated_at)
VALUES (gen_random_uuid()::text, 'B1001', gen_random_uuid()::text, 'VSC', 'VSC-60-75-100', gen_random_uuid(),
    '1HGCM82633A004352', 'HONDA', 2025, 20000, current_date - 366, current_date - 1, 60, 75000, 100.00, 10000.00, 1100.00,
    2195.00, 2195.00, false, 'Bench', 'Mark', 'TX', 'ACTIVE', '{}', 'anchor', now(), now());
INSERT INTO bench_anchor.outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at)
VALUES (gen_random_uuid(), 'contract-events', 'com.fniexchange.contract.submitted.v1', 'VSC3A004352',
    '{"contractNumber":"VSC3A004352","dealerCode":"B1001","dealNumber":"B-0123456789ab","productCode":"VSC","planCode":"VSC-60-75-100","quoteId":"6f1c2d3e-4a5b-4c6d-8e7f-901234567890","vin":"1HGCM82633A004352","odometer":20000,"vehicleInServiceDate":"2025-11-25","saleDate":"2026-11-26","termMonths":60,"termMiles":75000,"deductible":"100.00","dealerCost":"1100.00","customerPrice":"2195.00","financed":false,"lienholder":null,"customerState":"TX","occurredAt":"2026-11-27T09:00:00.123456Z"}',
    '{"ce_id":"6f1c2d3e-4a5b-4c6d-8e7f-901234567891","ce_specversion":"1.0","ce_type":"com.fniexchange.contract.submitted.v1","ce_source":"/fni-exchange/contract-service","ce_subject":"VSC3A004352","ce_time":"2026-11-27T09:00:00.123456Z","content-type":"application/json"}',
    now());
END;
