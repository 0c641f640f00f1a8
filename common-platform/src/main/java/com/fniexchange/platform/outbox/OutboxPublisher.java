package com.fniexchange.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import com.fniexchange.platform.PlatformDefaults;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends one outbox row through Spring Cloud Stream: the JSON body as is, the CloudEvents
 * attributes as headers (binary mode), the aggregate id as partition key. The binders are set
 * to send synchronously, so a normal return means the broker acknowledged the record.
 */
class OutboxPublisher {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private final StreamBridge streamBridge;
    private final ObjectMapper json;
    private final String partitionKeyHeader;

    OutboxPublisher(StreamBridge streamBridge, ObjectMapper json, String partitionKeyHeader) {
        this.streamBridge = streamBridge;
        this.json = json;
        this.partitionKeyHeader = partitionKeyHeader;
    }

    void publish(OutboxRow row) {
        Message<byte[]> message = MessageBuilder.withPayload(row.payload().getBytes(StandardCharsets.UTF_8))
                .copyHeaders(headers(row))
                .setHeader(partitionKeyHeader, row.aggregateId())
                .build();
        if (!streamBridge.send(PlatformDefaults.bindingName(row.destination()), message)) {
            throw new IllegalStateException("binder refused event " + row.eventId() + " for " + row.destination());
        }
    }

    private Map<String, String> headers(OutboxRow row) {
        try {
            return json.readValue(row.headers(), HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox row " + row.id() + " has unreadable headers", e);
        }
    }
}
