-- Transactional outbox, shared by every service (common-platform). Created in the migrating
-- service's own schema: Flyway runs it with that schema first on the search_path.
-- A service writes a row in the same transaction as its state change; the relay publishes
-- rows in id order per bucket, and marks a row published only after the broker acknowledged it.
CREATE TABLE outbox_event (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    destination  text        NOT NULL,
    event_type   text        NOT NULL,
    -- the partition key (contract number): all events of one aggregate keep their order
    aggregate_id text        NOT NULL,
    -- relay instances own buckets (advisory locks), so one aggregate has one publisher at a time;
    -- 16 buckets is fixed here and in OutboxRelay.BUCKETS
    bucket       smallint    GENERATED ALWAYS AS (((hashtext(aggregate_id) & 2147483647) % 16)) STORED,
    -- json, not jsonb: the body is published exactly as it was written (key order, 2-decimal money)
    payload      json        NOT NULL,
    headers      jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

CREATE INDEX outbox_event_unpublished ON outbox_event (bucket, id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay at commit (NOTIFY is delivered on commit only). Channel: <schema>_outbox.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
