package com.fniexchange.platform.consumer;

import com.fniexchange.model.event.EventEnvelope;

/**
 * What a service does with one event of one type. It runs inside the transaction that also
 * records the event in the inbox: write the state change with the same {@code DataSource}
 * (JdbcClient), and throw to refuse the event (it is retried, then dead-lettered).
 *
 * @param <T> the payload type the body is read as
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(EventEnvelope envelope, T event);
}
