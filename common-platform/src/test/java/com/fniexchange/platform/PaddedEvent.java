package com.fniexchange.platform;

import com.fniexchange.model.event.DomainEvent;
import com.fniexchange.model.event.EventType;
import java.time.Instant;

/** A test payload as large as the test wants: above the producer's max.request.size, the broker refuses it forever. */
public record PaddedEvent(String subject, String pad, Instant occurredAt) implements DomainEvent {

    public static final EventType TYPE = EventType.of("test", "padded", 1);

    public static PaddedEvent ofSize(String subject, int bytes) {
        return new PaddedEvent(subject, "x".repeat(bytes), Instant.now());
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
