package com.fniexchange.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An aggregate whose events stopped at one the broker kept refusing.
 *
 * @param aggregateId the partition key (contract number) whose events wait
 * @param eventId     the head event that was refused
 * @param attempts    failed attempts counted while the broker took other events
 * @param lastError   the broker's or client's last reason
 * @param waiting     later events of the same aggregate waiting behind the head
 */
record ParkedChain(String aggregateId, UUID eventId, String eventType, String destination, int attempts,
                          String lastError, Instant parkedAt, long waiting) {
}
