-- A rate quote: what a dealer was offered for one vehicle, valid until expires_at.
CREATE TABLE quote (
    quote_id                uuid        PRIMARY KEY,
    dealer_code             text        NOT NULL,
    vin                     char(17)    NOT NULL,
    make                    text        NOT NULL,
    model_year              integer     NOT NULL,
    odometer                integer     NOT NULL CHECK (odometer >= 0),
    vehicle_in_service_date date        NOT NULL,
    sale_date               date        NOT NULL,
    customer_state          char(2)     NOT NULL,
    amount_financed         numeric(12,2),
    loan_term_months        integer,
    created_at              timestamptz NOT NULL,
    expires_at              timestamptz NOT NULL
);

CREATE INDEX quote_expires_at ON quote (expires_at);

-- The plans a quote offered, with the prices as quoted (the catalog may change afterwards).
CREATE TABLE quote_plan (
    quote_id         uuid          NOT NULL REFERENCES quote ON DELETE CASCADE,
    plan_code        text          NOT NULL REFERENCES plan,
    dealer_cost      numeric(12,2) NOT NULL,
    suggested_retail numeric(12,2) NOT NULL,
    PRIMARY KEY (quote_id, plan_code)
);

CREATE TABLE remittance (
    remittance_id     uuid          PRIMARY KEY,
    dealer_code       text          NOT NULL,
    contract_count    integer       NOT NULL CHECK (contract_count > 0),
    total_dealer_cost numeric(12,2) NOT NULL,
    submitted_by      text          NOT NULL,
    created_at        timestamptz   NOT NULL
);

CREATE INDEX remittance_dealer ON remittance (dealer_code, created_at);

CREATE TABLE contract (
    contract_number         text          PRIMARY KEY,
    dealer_code             text          NOT NULL,
    deal_number             text          NOT NULL,
    product_code            text          NOT NULL REFERENCES product,
    plan_code               text          NOT NULL REFERENCES plan,
    quote_id                uuid          NOT NULL REFERENCES quote,
    vin                     char(17)      NOT NULL,
    make                    text          NOT NULL,
    model_year              integer       NOT NULL,
    odometer                integer       NOT NULL,
    vehicle_in_service_date date          NOT NULL,
    sale_date               date          NOT NULL,
    term_months             integer       NOT NULL,
    term_miles              integer,
    deductible              numeric(12,2) NOT NULL,
    dealer_cost             numeric(12,2) NOT NULL,
    suggested_retail        numeric(12,2) NOT NULL,
    customer_price          numeric(12,2) NOT NULL CHECK (customer_price > 0),
    financed                boolean       NOT NULL,
    lienholder              text,
    -- PII kept to what a contract needs: name and state, no address, no date of birth
    customer_first_name     text          NOT NULL,
    customer_last_name      text          NOT NULL,
    customer_state          char(2)       NOT NULL,
    status                  text          NOT NULL CHECK (status IN
        ('SUBMITTED', 'PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'VOIDED', 'CANCELLED', 'EXPIRED')),
    review_reasons          text[]        NOT NULL DEFAULT '{}',
    -- maintained from claim events once claims-service publishes them; voids need it at zero
    claim_count             integer       NOT NULL DEFAULT 0,
    remittance_id           uuid          REFERENCES remittance,
    remitted_at             timestamptz,
    submitted_by            text          NOT NULL,
    submitted_at            timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL,
    CHECK (NOT financed OR lienholder IS NOT NULL)
);

-- The natural key: one live contract per dealer, deal and product. A voided or rejected
-- contract frees it, so a contract saved with errors can be voided and re-issued.
CREATE UNIQUE INDEX contract_natural_key ON contract (dealer_code, deal_number, product_code)
    WHERE status NOT IN ('VOIDED', 'REJECTED');
CREATE INDEX contract_dealer_updated ON contract (dealer_code, updated_at, contract_number);
CREATE INDEX contract_updated ON contract (updated_at, contract_number);
CREATE INDEX contract_vin ON contract (vin);
CREATE INDEX contract_remittance ON contract (remittance_id);

CREATE TABLE contract_status_history (
    id              bigserial   PRIMARY KEY,
    contract_number text        NOT NULL REFERENCES contract,
    from_status     text,
    to_status       text        NOT NULL,
    reason          text,
    actor           text        NOT NULL,
    changed_at      timestamptz NOT NULL
);

CREATE INDEX contract_status_history_contract ON contract_status_history (contract_number, id);
