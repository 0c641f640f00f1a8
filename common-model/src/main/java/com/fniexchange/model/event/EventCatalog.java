package com.fniexchange.model.event;

import com.fniexchange.model.event.cancellation.CancellationEvent;
import com.fniexchange.model.event.claim.ClaimEvent;
import com.fniexchange.model.event.contract.ContractEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every payload type fni-exchange publishes. Each stream's payloads form a sealed interface, so
 * adding a payload without adding it here (and a schema beside it) fails the schema tests.
 */
public final class EventCatalog {

    private static final List<Class<?>> STREAMS = List.of(ContractEvent.class, ClaimEvent.class, CancellationEvent.class);

    private EventCatalog() {
    }

    /** All concrete payload records, stream by stream (through sealed families such as {@code ContractStatusChanged}). */
    public static List<Class<? extends DomainEvent>> payloadTypes() {
        List<Class<? extends DomainEvent>> types = new ArrayList<>();
        STREAMS.forEach(stream -> addRecords(stream, types));
        return Collections.unmodifiableList(types);
    }

    private static void addRecords(Class<?> sealed, List<Class<? extends DomainEvent>> types) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                addRecords(permitted, types);
            } else {
                types.add(permitted.asSubclass(DomainEvent.class));
            }
        }
    }

    /** The {@code TYPE} constant every payload record declares. */
    public static EventType typeOf(Class<? extends DomainEvent> payloadType) {
        try {
            Field field = payloadType.getField("TYPE");
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != EventType.class) {
                throw new IllegalStateException(payloadType.getName() + ".TYPE must be a static EventType");
            }
            return (EventType) field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(payloadType.getName() + " declares no public static EventType TYPE", e);
        }
    }
}
