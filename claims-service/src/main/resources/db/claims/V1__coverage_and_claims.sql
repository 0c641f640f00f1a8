-- The coverage facts claims need, projected from contract-events (contract-service owns the
-- contracts). No price, dealer cost or customer: a facility may see these facts of a contract
-- another dealer sold, so they are never stored here.
CREATE TABLE contract_coverage (
    contract_number    text          PRIMARY KEY,
    status             text          NOT NULL CHECK (status IN
        ('SUBMITTED', 'PENDING_REVIEW', 'ACTIVE', 'REJECTED', 'VOIDED', 'CANCELLED')),
    dealer_code        text          NOT NULL,
    product_code       text          NOT NULL,
    plan_code          text          NOT NULL,
    vin                char(17)      NOT NULL,
    make               text,
    sale_date          date          NOT NULL,
    odometer_at_sale   integer       NOT NULL CHECK (odometer_at_sale >= 0),
    term_months        integer       NOT NULL CHECK (term_months > 0),
    term_miles         integer       CHECK (term_miles > 0),
    deductible         numeric(12,2) NOT NULL CHECK (deductible >= 0),
    -- null only for contracts published before contract.submitted.v1 carried it: no payment then
    limit_of_liability numeric(12,2) CHECK (limit_of_liability > 0),
    paid_to_date       numeric(12,2) NOT NULL DEFAULT 0 CHECK (paid_to_date >= 0),
    cancel_date        date,
    -- occurredAt of the event that set the status: an older status event is ignored
    status_at          timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    -- the last line of defence for the limit of liability, whatever the code does
    CHECK (limit_of_liability IS NULL OR paid_to_date <= limit_of_liability)
);

CREATE INDEX contract_coverage_vin ON contract_coverage (vin);

CREATE SEQUENCE authorization_number_seq;

CREATE TABLE claim (
    claim_id              uuid          PRIMARY KEY,
    contract_number       text          NOT NULL REFERENCES contract_coverage,
    -- the dealer whose service department filed it
    repair_facility       text          NOT NULL,
    repair_facility_name  text          NOT NULL,
    repair_order_number   text          NOT NULL,
    repair_date           date          NOT NULL,
    odometer              integer       NOT NULL CHECK (odometer >= 0),
    complaint             text          NOT NULL,
    cause                 text,
    correction            text,
    status                text          NOT NULL CHECK (status IN ('OPEN', 'ESTIMATE_SUBMITTED', 'INSPECTION',
        'AUTHORIZED', 'DENIED', 'APPEALED', 'INVOICED', 'PAID', 'CLOSED')),
    -- the business date the claim was made (the register's claim date)
    claim_date            date          NOT NULL,
    estimate_lines        jsonb,
    estimate_gross        numeric(12,2),
    estimate_deductible   numeric(12,2),
    estimate_total        numeric(12,2),
    needs_adjuster        boolean       NOT NULL DEFAULT false,
    adjuster_reason       text,
    authorization_number  text          UNIQUE,
    authorized_amount     numeric(12,2) CHECK (authorized_amount >= 0),
    authorized_by         text,
    authorized_at         timestamptz,
    auto_authorized       boolean,
    invoice_lines         jsonb,
    invoice_gross         numeric(12,2),
    invoice_deductible    numeric(12,2),
    invoice_total         numeric(12,2),
    paid_amount           numeric(12,2) CHECK (paid_amount >= 0 AND paid_amount <= authorized_amount),
    paid_date             date,
    paid_at               timestamptz,
    disposition           text          CHECK (disposition IN ('PAID', 'DENIED', 'WITHDRAWN')),
    disposition_reason    text,
    opened_by             text          NOT NULL,
    opened_at             timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    -- one claim per repair order of a facility: a resubmitted repair order is a duplicate
    UNIQUE (repair_facility, repair_order_number)
);

-- the adjuster's work queue and a facility's own list, both keyset-paginated on (opened_at, claim_id)
CREATE INDEX claim_queue ON claim (status, needs_adjuster, opened_at, claim_id);
CREATE INDEX claim_facility ON claim (repair_facility, opened_at, claim_id);
CREATE INDEX claim_opened ON claim (opened_at, claim_id);
CREATE INDEX claim_contract ON claim (contract_number);
CREATE INDEX claim_date ON claim (claim_date, claim_id);

CREATE TABLE claim_status_history (
    id          bigserial   PRIMARY KEY,
    claim_id    uuid        NOT NULL REFERENCES claim,
    from_status text,
    to_status   text        NOT NULL,
    reason      text,
    actor       text        NOT NULL,
    changed_at  timestamptz NOT NULL
);

CREATE INDEX claim_status_history_claim ON claim_status_history (claim_id, id);
