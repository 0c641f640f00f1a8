package com.fniexchange.model.event;

import java.time.Instant;

/**
 * The payload of an event one fni-exchange service publishes. Payloads are immutable records
 * named in the past tense; every one carries the instant the change happened and the business
 * key it is about (the CloudEvents {@code subject}, also the partition key).
 */
public interface DomainEvent {

    /** The versioned type this payload is published as. */
    EventType eventType();

    /** The business key the event is about: the contract number for every stream we publish. */
    String subject();

    /** When the change happened (the commit it was part of). */
    Instant occurredAt();
}
