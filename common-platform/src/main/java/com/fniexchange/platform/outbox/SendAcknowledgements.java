package com.fniexchange.platform.outbox;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.messaging.MessageChannel;

/**
 * Hands the relay the broker's acknowledgement of each send as a future, for bindings whose
 * binder can send without waiting (Kafka): the relay then sends a whole chain and waits once.
 *
 * <p>The binder's producer handler, running on the sending thread, passes the send's future to
 * {@link #channel()}; it is kept for that thread until {@link #take()}. Bindings of other binders
 * keep sending synchronously: a normal return from the send is then the acknowledgement.
 */
final class SendAcknowledgements {

    /** The message header that asks the Kafka producer handler for the send's future. */
    static final String FUTURE_TOKEN = "kafka_futureToken";

    private final ThreadLocal<CompletableFuture<?>> lastSend = new ThreadLocal<>();
    private final Set<String> pipelined = ConcurrentHashMap.newKeySet();
    private final MessageChannel channel = (message, timeout) -> {
        lastSend.set((CompletableFuture<?>) message.getPayload());
        return true;
    };

    /** Where the producer handler sends each future (on the sending thread). */
    MessageChannel channel() {
        return channel;
    }

    /** Marks a destination whose binding now sends without waiting and reports futures here. */
    void pipelining(String destination) {
        pipelined.add(destination);
    }

    boolean isPipelined(String destination) {
        return pipelined.contains(destination);
    }

    /** The future of this thread's last send, once; null when the binder reported none. */
    CompletableFuture<?> take() {
        CompletableFuture<?> future = lastSend.get();
        lastSend.remove();
        return future;
    }
}
