package com.fniexchange.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One unpublished outbox row, as the relay reads it.
 *
 * @param attempts failures counted toward parking so far
 * @param tries    every failed send so far (drives the chain's back-off)
 */
record OutboxRow(long id, UUID eventId, String destination, String eventType, String aggregateId,
                 String payload, String headers, Instant createdAt, int attempts, int tries) {

    /** Whether this row's chain has failed before: it is sent apart, so a slow failure delays no healthy chain. */
    boolean retrying() {
        return tries > 0;
    }
}
