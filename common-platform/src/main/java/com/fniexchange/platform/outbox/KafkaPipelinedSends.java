package com.fniexchange.platform.outbox;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;

/**
 * Turns the Kafka producer handlers of the outbox destinations asynchronous, reporting each
 * send's future to {@link SendAcknowledgements}: the relay pipelines a chain's sends and waits
 * once per chain instead of once per event. Other bindings (dead-letter queues) keep their
 * synchronous sends.
 */
final class KafkaPipelinedSends implements ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> {

    private static final Logger log = LoggerFactory.getLogger(KafkaPipelinedSends.class);

    private final SendAcknowledgements acknowledgements;
    private final Set<String> destinations;

    KafkaPipelinedSends(SendAcknowledgements acknowledgements, Set<String> destinations) {
        this.acknowledgements = acknowledgements;
        this.destinations = destinations;
    }

    @Override
    public void configure(KafkaProducerMessageHandler<?, ?> handler, String destinationName) {
        if (destinations.contains(destinationName)) {
            handler.setSync(false);
            handler.setFuturesChannel(acknowledgements.channel());
            acknowledgements.pipelining(destinationName);
            log.info("outbox destination {} sends pipelined: one acknowledgement wait per chain", destinationName);
        }
    }
}
