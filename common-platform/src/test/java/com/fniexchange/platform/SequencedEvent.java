package com.fniexchange.platform;

import com.fniexchange.model.event.DomainEvent;
import com.fniexchange.model.event.EventType;
import java.time.Instant;

/** A test payload carrying its position in its aggregate's history. */
public record SequencedEvent(String subject, int sequence, Instant occurredAt) implements DomainEvent {

    public static final EventType TYPE = EventType.of("test", "sequenced", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
