package com.fniexchange.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.platform.PlatformHttpTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the servlet container answers by itself, over a raw socket as a broken client would send it. */
@PlatformHttpTest
class ServerErrorPagesTest {

    @LocalServerPort
    int port;

    @Test
    void aMalformedUrlEncodingIsAProblemNotTomcatsHtmlPage() throws Exception {
        String response = raw("GET /api/v1/contracts/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"status\":400").contains("https://fniexchange.com/problems/malformed-request");
        assertThat(response).doesNotContain("<html").doesNotContainIgnoringCase("tomcat");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
