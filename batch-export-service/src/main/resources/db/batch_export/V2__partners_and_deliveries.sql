-- Partners that receive register files, seeded here and managed through the ops API.
CREATE TABLE partner (
    partner_id      text        PRIMARY KEY CHECK (partner_id ~ '^[A-Z0-9][A-Z0-9_-]{1,39}$'),
    name            text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('DEALER', 'OEM', 'WARRANTY_VENDOR', 'LENDER')),
    -- entitlement: a row is sent only when its dealer is listed (if any are) and its make is
    -- listed (if any are); at least one of the two lists is non-empty
    dealer_codes    text[]      NOT NULL DEFAULT '{}',
    makes           text[]      NOT NULL DEFAULT '{}',
    registers       text[]      NOT NULL,
    layout          text        NOT NULL CHECK (layout IN ('CSV', 'PIPE', 'FIXED_WIDTH')),
    compression     text        NOT NULL CHECK (compression IN ('GZIP', 'NONE')),
    -- ASCII-armoured OpenPGP public key: files are encrypted to it when present
    pgp_public_key  text,
    -- SFTP channel; the private key is named (sftp_identity), never stored here
    sftp_host       text,
    sftp_port       integer     CHECK (sftp_port BETWEEN 1 AND 65535),
    sftp_user       text,
    sftp_identity   text,
    sftp_path       text,
    sftp_staging_path text,
    -- the server's public host key, "ssh-ed25519 AAAA...": any other key is refused
    sftp_host_key   text,
    -- Blob channel; the account's credentials are configuration (fni.export.blob.accounts)
    blob_account    text,
    blob_container  text,
    blob_prefix     text,
    schedule_cron   text        NOT NULL,
    time_zone       text        NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL DEFAULT 'migration',
    CHECK (cardinality(dealer_codes) > 0 OR cardinality(makes) > 0),
    CHECK (sftp_host IS NOT NULL OR blob_account IS NOT NULL)
);

-- The delivery ledger: what was sent where, so a rerun never sends a file twice.
CREATE TABLE delivery (
    partner_id       text        NOT NULL,
    register         text        NOT NULL,
    business_date    date        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('SFTP', 'BLOB')),
    file_name        text        NOT NULL,
    location         text        NOT NULL,
    sha256           char(64)    NOT NULL,
    size_bytes       bigint      NOT NULL,
    job_execution_id bigint      NOT NULL,
    delivered_at     timestamptz NOT NULL,
    PRIMARY KEY (partner_id, register, business_date, channel, file_name)
);

-- One row per reconciliation: database vs file trailer vs published events.
CREATE TABLE reconciliation_log (
    id                 bigserial   PRIMARY KEY,
    job_execution_id   bigint      NOT NULL,
    register           text        NOT NULL,
    partner_id         text        NOT NULL,
    business_date      date        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('MATCHED', 'MISMATCHED')),
    db_count           bigint      NOT NULL,
    file_count         bigint      NOT NULL,
    trailer_count      bigint      NOT NULL,
    event_count        bigint      NOT NULL,
    -- {"customerPrice": "1234.00", ...} per source: amounts are exact decimals as text
    db_totals          jsonb       NOT NULL,
    file_totals        jsonb       NOT NULL,
    trailer_totals     jsonb       NOT NULL,
    event_totals       jsonb       NOT NULL,
    -- the differing keys by kind, e.g. {"withoutPublishedEvent": ["VSC3A004352"]}
    differences        jsonb       NOT NULL,
    report             jsonb       NOT NULL,
    reconciled_at      timestamptz NOT NULL
);

CREATE INDEX reconciliation_log_key ON reconciliation_log (register, partner_id, business_date, id);
CREATE INDEX reconciliation_log_execution ON reconciliation_log (job_execution_id, id);

-- ShedLock (net.javacrumbs.shedlock, JdbcTemplateLockProvider): one instance fires a schedule.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
