package com.fniexchange.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceivedEventTest {

    @Test
    void plainUtf8HeaderIsReadAsIs() {
        assertThat(ReceivedEvent.headerText("com.fniexchange.contract.submitted.v1".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("com.fniexchange.contract.submitted.v1");
        assertThat(ReceivedEvent.headerText(new byte[0])).isEmpty();
        assertThat(ReceivedEvent.headerText(null)).isNull();
    }

    @Test
    void amqpStringsAreDecoded() {
        assertThat(ReceivedEvent.headerText(amqpStr8("VSC3A004352"))).isEqualTo("VSC3A004352");
        assertThat(ReceivedEvent.headerText(amqpStr32("VSC3A004352"))).isEqualTo("VSC3A004352");
        // the length counts bytes, not characters
        assertThat(ReceivedEvent.headerText(amqpStr8("Zoë-ü"))).isEqualTo("Zoë-ü");
    }

    @Test
    void amqpLengthLongerThanTheValueKeepsWhatArrived() {
        assertThat(ReceivedEvent.headerText(new byte[] {(byte) 0xA1, 10, 'a', 'b'})).isEqualTo("ab");
        assertThat(ReceivedEvent.headerText(new byte[] {(byte) 0xB1, 0, 0, 1, 0, 'a'})).isEqualTo("a");
    }

    @Test
    void lineShowsTimeTypeSubjectIdAndWhereItWasRead() {
        ReceivedEvent event = new ReceivedEvent("contract-events", 2, 17, "VSC3A004352",
                "0d3c7e4e-5a8f-4c1e-9b7a-2f1d6c8e9a01", "com.fniexchange.contract.submitted.v1", "VSC3A004352",
                "2026-11-20T15:04:05.123Z", "{}");

        assertThat(event.line().split("\\s+")).containsExactly("2026-11-20T15:04:05.123Z",
                "com.fniexchange.contract.submitted.v1", "VSC3A004352", "0d3c7e4e-5a8f-4c1e-9b7a-2f1d6c8e9a01",
                "contract-events-2@17");
    }

    @Test
    void missingHeadersShowAsDash() {
        ReceivedEvent event = new ReceivedEvent("claim-events", 0, 5, null, null, "com.fniexchange.claim.submitted.v1",
                null, null, "{}");

        assertThat(event.line().split("\\s+"))
                .containsExactly("-", "com.fniexchange.claim.submitted.v1", "-", "-", "claim-events-0@5");
    }

    static byte[] amqpStr8(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + utf8.length).put((byte) 0xA1).put((byte) utf8.length).put(utf8).array();
    }

    static byte[] amqpStr32(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + utf8.length).put((byte) 0xB1).putInt(utf8.length).put(utf8).array();
    }
}
