-- Consumer de-duplication (common-platform Inbox): a consumer records an event id in the same
-- transaction as the state change the event caused; a redelivered id is skipped.
CREATE TABLE processed_event (
    event_id     uuid        NOT NULL,
    consumer     text        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);

CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
