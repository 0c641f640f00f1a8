-- A partner's settings (layout, compression, entitlement, channels, key) as they were when an
-- export's first execution started. A restart uses these, so it delivers what the failed run
-- started even when ops changed the partner in between; a changed partner applies from its next
-- export. One row per export (register, partner, business date: the job instance, whose id is kept
-- so that a job instance deleted and created again freezes afresh).
CREATE TABLE export_partner_settings (
    register        text        NOT NULL,
    partner_id      text        NOT NULL,
    business_date   date        NOT NULL,
    job_instance_id bigint      NOT NULL,
    settings        jsonb       NOT NULL,
    frozen_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (register, partner_id, business_date)
);
