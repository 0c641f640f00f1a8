-- Refund rules per state and product: a provider changes them by changing rows, not code.
-- Lookup order: (state, product), then (ALL, product), then (ALL, ALL).
CREATE TABLE refund_rule (
    rule_code                text          PRIMARY KEY CHECK (rule_code ~ '^[A-Z0-9_-]{2,40}$'),
    state                    text          NOT NULL CHECK (state ~ '^([A-Z]{2}|ALL)$'),
    product_code             text          NOT NULL CHECK (product_code ~ '^[A-Z][A-Z0-9_]{1,19}$'),
    -- a cancellation at most this many days after the sale is refunded in full
    free_look_days           integer       NOT NULL CHECK (free_look_days >= 0),
    -- true: the free look applies even after a claim, less the claims (Texas); false: a paid claim ends it
    free_look_despite_claims boolean       NOT NULL,
    method                   text          NOT NULL CHECK (method IN ('PRO_RATA_DAYS', 'PRO_RATA_MILES', 'LESSER_OF_TIME_OR_MILES', 'RULE_OF_78S')),
    fee_type                 text          NOT NULL CHECK (fee_type IN ('NONE', 'FLAT', 'PERCENT', 'LESSER_OF_PERCENT_AND_FLAT')),
    fee_flat                 numeric(12,2) CHECK (fee_flat >= 0),
    fee_percent              numeric(5,2)  CHECK (fee_percent >= 0 AND fee_percent < 100),
    -- the state's maximum fee, whatever the type
    fee_cap                  numeric(12,2) CHECK (fee_cap >= 0),
    deducts_claims           boolean       NOT NULL,
    -- the refund is due this many days after the later of the cancel date and the request
    refund_due_days          integer       NOT NULL CHECK (refund_due_days >= 0),
    late_penalty             text,
    note                     text          NOT NULL,
    UNIQUE (state, product_code),
    CHECK ((fee_type IN ('FLAT', 'LESSER_OF_PERCENT_AND_FLAT')) = (fee_flat IS NOT NULL)),
    CHECK ((fee_type IN ('PERCENT', 'LESSER_OF_PERCENT_AND_FLAT')) = (fee_percent IS NOT NULL))
);

INSERT INTO refund_rule (rule_code, state, product_code, free_look_days, free_look_despite_claims, method, fee_type,
                         fee_flat, fee_percent, fee_cap, deducts_claims, refund_due_days, late_penalty, note) VALUES
    ('TX-VSC', 'TX', 'VSC', 31, true,  'LESSER_OF_TIME_OR_MILES', 'FLAT', 50.00, NULL, NULL, true, 45,
        '10% of the refund per month late',
        'Texas: within 31 days a full refund less claims, no fee; after, pro rata less claims, fee at most $50; due within 45 days'),
    ('CA-VSC', 'CA', 'VSC', 60, false, 'LESSER_OF_TIME_OR_MILES', 'LESSER_OF_PERCENT_AND_FLAT', 25.00, 10.00, NULL, true, 30,
        NULL,
        'California: 60-day free look if no claim (30 for a used car without manufacturer warranty: not distinguished yet); fee the lesser of 10% and $25'),
    ('NV-VSC', 'NV', 'VSC', 30, false, 'LESSER_OF_TIME_OR_MILES', 'FLAT', 25.00, NULL, NULL, true, 45,
        '10% of the refund per 30 days after 45 days',
        'Nevada: 30-day free look; $25 fee'),
    ('NJ-GAP', 'NJ', 'GAP', 30, false, 'PRO_RATA_DAYS', 'FLAT', 50.00, NULL, NULL, true, 60,
        NULL,
        'New Jersey GAP: full refund in the free look if no benefit paid, pro rata after, fee at most $50, refund within 60 days of payoff'),
    ('AR-GAP', 'AR', 'GAP', 30, false, 'PRO_RATA_DAYS', 'FLAT', 75.00, NULL, NULL, true, 30,
        NULL,
        'Arkansas GAP: pro rata, fee at most $75'),
    ('SC-GAP', 'SC', 'GAP', 30, false, 'PRO_RATA_DAYS', 'NONE', NULL, NULL, NULL, true, 30,
        NULL,
        'South Carolina GAP: pro rata, no fee'),
    ('CA-GAP', 'CA', 'GAP', 30, false, 'PRO_RATA_DAYS', 'NONE', NULL, NULL, NULL, true, 30,
        NULL,
        'California GAP: 30-day full refund, pro rata after, no fee'),
    ('DEFAULT-GAP', 'ALL', 'GAP', 30, false, 'RULE_OF_78S', 'NONE', NULL, NULL, NULL, true, 30,
        NULL,
        'GAP in a state without a rule of its own: Rule of 78s by months (a financed product), no fee'),
    ('DEFAULT', 'ALL', 'ALL', 30, false, 'LESSER_OF_TIME_OR_MILES', 'PERCENT', NULL, 10.00, 75.00, true, 30,
        NULL,
        'Any other state and product: 30-day free look if no claim; lesser of time or miles (days when the product has no mileage term); fee 10% capped at $75');

-- What cancellation-service knows of each contract, from contract-events and claim-events.
CREATE TABLE contract_projection (
    contract_number   text          PRIMARY KEY,
    dealer_code       text          NOT NULL,
    product_code      text          NOT NULL,
    plan_code         text          NOT NULL,
    sale_date         date          NOT NULL,
    term_months       integer       NOT NULL CHECK (term_months > 0),
    term_miles        integer       CHECK (term_miles > 0),
    odometer_at_sale  integer       NOT NULL CHECK (odometer_at_sale >= 0),
    dealer_cost       numeric(12,2) NOT NULL,
    customer_price    numeric(12,2) NOT NULL,
    financed          boolean       NOT NULL,
    lienholder        text,
    customer_state    char(2)       NOT NULL,
    status            text          NOT NULL CHECK (status IN
        ('SUBMITTED', 'PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'VOIDED', 'CANCELLED', 'EXPIRED')),
    status_changed_at timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL
);
CREATE INDEX contract_projection_dealer ON contract_projection (dealer_code);

-- One row per claim payment event. claim-events and contract-events are separate streams with no
-- order between them, so payments are kept even for a contract not projected yet; claims paid to
-- date is the highest running total the claims service reported.
CREATE TABLE claim_payment (
    event_id             uuid          PRIMARY KEY,
    contract_number      text          NOT NULL,
    claim_id             uuid          NOT NULL,
    paid_amount          numeric(12,2) NOT NULL,
    contract_paid_to_date numeric(12,2) NOT NULL CHECK (contract_paid_to_date >= 0),
    paid_date            date          NOT NULL,
    occurred_at          timestamptz   NOT NULL
);
CREATE INDEX claim_payment_contract ON claim_payment (contract_number);

CREATE TABLE refund_quote (
    quote_id          uuid          PRIMARY KEY,
    contract_number   text          NOT NULL REFERENCES contract_projection,
    dealer_code       text          NOT NULL,
    reason            text          NOT NULL CHECK (reason IN ('CUSTOMER_REQUEST', 'UNWIND', 'EARLY_PAYOFF', 'REPOSSESSION', 'TOTAL_LOSS')),
    cancel_date       date          NOT NULL,
    odometer          integer,
    rule_code         text          NOT NULL REFERENCES refund_rule,
    method            text          NOT NULL,
    basis             text          NOT NULL CHECK (basis IN ('FREE_LOOK', 'DAYS', 'MILES', 'MONTHS')),
    days_used         integer       NOT NULL,
    term_days         integer       NOT NULL,
    miles_used        integer,
    months_used       integer,
    unearned_share    numeric(8,6)  NOT NULL,
    customer_price    numeric(12,2) NOT NULL,
    gross_refund      numeric(12,2) NOT NULL,
    claims_paid       numeric(12,2) NOT NULL,
    claims_deducted   numeric(12,2) NOT NULL,
    fee               numeric(12,2) NOT NULL,
    refund            numeric(12,2) NOT NULL CHECK (refund >= 0 AND refund <= customer_price),
    dealer_chargeback numeric(12,2) NOT NULL,
    provider_share    numeric(12,2) NOT NULL,
    payee             text          NOT NULL CHECK (payee IN ('LIENHOLDER', 'CUSTOMER')),
    lienholder        text,
    refund_due_date   date          NOT NULL,
    quoted_by         text          NOT NULL,
    quoted_at         timestamptz   NOT NULL,
    valid_until       timestamptz   NOT NULL,
    CHECK (refund = gross_refund - claims_deducted - fee),
    CHECK (gross_refund = provider_share + dealer_chargeback)
);
CREATE INDEX refund_quote_contract ON refund_quote (contract_number);

CREATE TABLE cancellation (
    cancellation_id   uuid        PRIMARY KEY,
    quote_id          uuid        NOT NULL UNIQUE REFERENCES refund_quote,
    contract_number   text        NOT NULL REFERENCES contract_projection,
    dealer_code       text        NOT NULL,
    reason            text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REFUND_PAID')),
    requested_by      text        NOT NULL,
    requested_at      timestamptz NOT NULL,
    approved_by       text,
    approved_at       timestamptz,
    payment_method    text        CHECK (payment_method IN ('CHECK', 'ACH')),
    payment_reference text,
    paid_date         date,
    paid_by           text,
    refund_paid_at    timestamptz,
    updated_at        timestamptz NOT NULL
);
-- one open cancellation per contract, whatever races the API lets through
CREATE UNIQUE INDEX cancellation_one_open ON cancellation (contract_number) WHERE status IN ('REQUESTED', 'APPROVED');
CREATE INDEX cancellation_dealer_requested ON cancellation (dealer_code, requested_at, cancellation_id);
CREATE INDEX cancellation_requested ON cancellation (requested_at, cancellation_id);
-- the refund-deadline gauges read approved, unpaid cancellations
CREATE INDEX cancellation_approved_unpaid ON cancellation (status) WHERE status = 'APPROVED';
