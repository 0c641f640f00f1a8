package com.fniexchange.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.platform.HttpProbe;
import com.fniexchange.platform.PlatformHttpTest;
import com.fniexchange.platform.idempotency.WidgetProbe;
import com.fniexchange.testsupport.DevJwt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Request bodies are read only for authenticated callers; the limit holds for chunked bodies too. */
@PlatformHttpTest
class RequestBodyBufferTest {

    @LocalServerPort
    int port;
    HttpProbe http;
    /** 8KB of JSON against the 1KB limit: larger than the limit, small enough for Tomcat to drain. */
    final byte[] oversized = ("{\"name\":\"" + "x".repeat(8 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void setUp() {
        http = new HttpProbe(port);
    }

    @Test
    void anUnauthenticatedBodyIsRefusedWithoutBeingRead() throws Exception {
        HttpResponse<String> chunked = http.send(http.post(WidgetProbe.PATH, null, HttpProbe.chunked(oversized)));
        // 401 from the security chain: the body was never buffered (buffering first would have found it too large)
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(401);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // a declared length over the limit is still refused early, before authentication, unread
        HttpResponse<String> declared = http.send(http.post(WidgetProbe.PATH, null, HttpRequest.BodyPublishers.ofByteArray(oversized)));
        assertThat(declared.statusCode()).isEqualTo(413);
    }

    @Test
    void anAuthenticatedChunkedBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> response = http.send(http.post(WidgetProbe.PATH, DevJwt.dealer("D1001"), HttpProbe.chunked(oversized)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://fniexchange.com/problems/payload-too-large");
        assertThat(problem.get("maxBytes").asLong()).isEqualTo(1024);
    }
}
