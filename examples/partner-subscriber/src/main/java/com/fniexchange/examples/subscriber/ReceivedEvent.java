package com.fniexchange.examples.subscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One event as the partner received it: where it was read from, its CloudEvents attributes (the
 * {@code ce_*} headers, decoded to text) and its JSON payload.
 *
 * <p>A header that is absent is {@code null} here; {@link #line()} shows it as {@code -}.
 *
 * @param topic     the stream, e.g. {@code contract-events}
 * @param partition the partition it was read from
 * @param offset    its offset in that partition
 * @param key       the record key: the contract number on a plain Kafka broker; empty or {@code null}
 *                  through Event Hubs' Kafka endpoint (use {@code ceSubject} there)
 * @param ceId      {@code ce_id}: unique per event, kept when the event is redelivered
 * @param ceType    {@code ce_type}, e.g. {@code com.fniexchange.contract.submitted.v1}
 * @param ceSubject {@code ce_subject}: the contract number
 * @param ceTime    {@code ce_time} as received (ISO-8601 UTC), not parsed
 * @param payload   the record value, UTF-8 JSON
 */
public record ReceivedEvent(String topic, int partition, long offset, String key, String ceId, String ceType,
                            String ceSubject, String ceTime, String payload) {

    /** AMQP's type codes for a string with a one-byte (str8) and a four-byte (str32) length. */
    private static final int AMQP_STR8 = 0xA1;
    private static final int AMQP_STR32 = 0xB1;

    /**
     * Reads one consumed record: its place in the stream, its {@code ce_*} headers and its payload.
     *
     * @param record a record of one of the streams
     * @return the event, with {@code null} for each header the record does not carry
     */
    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        return new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(),
                header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_subject"),
                header(record, "ce_time"), record.value());
    }

    /**
     * The event as one line for a person to read.
     *
     * @return time, type, subject, id and {@code topic-partition@offset}, separated by spaces and
     *         padded into columns; {@code -} for a missing header
     */
    public String line() {
        return String.format("%-24s  %-42s  %-15s  %-36s  %s-%d@%d", shown(ceTime), shown(ceType), shown(ceSubject),
                shown(ceId), topic, partition, offset);
    }

    /**
     * A header value as text. A plain Kafka producer writes UTF-8; an AMQP producer's string
     * header read through Event Hubs' Kafka endpoint arrives AMQP-encoded: type byte {@code 0xA1}
     * and a one-byte length, or {@code 0xB1} and a four-byte big-endian length, then the UTF-8 text.
     * Neither byte can start UTF-8 text, so the forms cannot be confused.
     *
     * @param value the header's bytes, may be {@code null}
     * @return the text, or {@code null} for {@code null}
     */
    public static String headerText(byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length >= 2 && (value[0] & 0xFF) == AMQP_STR8) {
            return utf8(value, 2, value[1] & 0xFF);
        }
        if (value.length >= 5 && (value[0] & 0xFF) == AMQP_STR32) {
            return utf8(value, 5, ByteBuffer.wrap(value, 1, 4).getInt());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : headerText(header.value());
    }

    /** A declared length longer than what arrived is cut to what arrived, rather than failing the whole line. */
    private static String utf8(byte[] value, int start, int declaredLength) {
        int length = Math.min(Math.max(declaredLength, 0), value.length - start);
        return new String(value, start, length, StandardCharsets.UTF_8);
    }

    private static String shown(String value) {
        return value == null ? "-" : value;
    }
}
