package com.fniexchange.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** One unpublished outbox row, as the relay reads it. {@code attempts}: failures counted toward parking so far. */
record OutboxRow(long id, UUID eventId, String destination, String eventType, String aggregateId,
                 String payload, String headers, Instant createdAt, int attempts) {
}
