-- Per-chain back-off and parking (common-platform OutboxRelay). A failed send holds only its own
-- aggregate's chain: the head row counts the failure in tries and gets retry_at (exponential
-- back-off on tries). Failures that say the event itself is refused, or that happen while the
-- broker takes other events, also count in attempts; at fni.outbox.max-attempts the chain is
-- parked (parked_at). Later rows of that aggregate wait behind it (order kept); every other
-- aggregate keeps flowing.
ALTER TABLE outbox_event
    ADD COLUMN tries     integer NOT NULL DEFAULT 0,
    ADD COLUMN retry_at  timestamptz,
    ADD COLUMN parked_at timestamptz;

-- the few held chains, looked up on every relay pass
CREATE INDEX outbox_event_held ON outbox_event (bucket, aggregate_id)
    WHERE published_at IS NULL AND (retry_at IS NOT NULL OR parked_at IS NOT NULL);

-- An event ops chose to skip (never published), kept with who, when and why: the audit trail of
-- a skip, and what is needed to re-send it by hand.
CREATE TABLE outbox_skipped_event (
    id           bigint      PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    destination  text        NOT NULL,
    event_type   text        NOT NULL,
    aggregate_id text        NOT NULL,
    payload      json        NOT NULL,
    headers      jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    attempts     integer     NOT NULL,
    last_error   text,
    skipped_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    skipped_by   text        NOT NULL,
    skip_reason  text        NOT NULL
);
