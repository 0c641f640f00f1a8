package com.fniexchange.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * One service's REST API on the wire, as its users call it: a bearer token, JSON bodies, an
 * {@code Idempotency-Key} on every POST (all of the platform's POSTs accept one), and the status
 * each step expects. A POST whose answer was lost (connection reset, timeout) is sent again with
 * the same key, so it cannot take effect twice.
 */
final class ServiceApi {

    /** Money is a JSON number with exactly two decimals, both ways: read and written as exact decimals, never doubles. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;

    private final URI base;
    private final HttpClient http;

    ServiceApi(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    static HttpClient httpClient() {
        // HTTP/1.1: no h2c upgrade dance with the services or Azurite
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What a service answered. */
    record Reply(Call call, int status, String body) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        /** The slug of a problem+json answer ({@code https://fniexchange.com/problems/<slug>}), "" otherwise. */
        String problemType() {
            String type = json().path("type").asText("");
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    /** Calls and insists on the expected status; returns the body. */
    JsonNode call(String step, Call call, String token, Object body, int expectedStatus) throws DemoFailure {
        Reply reply = send(step, call, token, body);
        if (reply.status() != expectedStatus) {
            throw new DemoFailure(step, call + " (expected " + expectedStatus + ")", reply.status(), reply.body());
        }
        return reply.json();
    }

    /** Calls and hands back whatever came: for the steps that wait for the platform to catch up. */
    Reply send(String step, Call call, String token, Object body) throws DemoFailure {
        String json = body == null ? null : text(body);
        String idempotencyKey = "POST".equals(call.method()) ? "demo-" + UUID.randomUUID() : null;
        IOException lastError = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request(call, token, json, idempotencyKey), HttpResponse.BodyHandlers.ofString());
                Reply reply = new Reply(call, response.statusCode(), response.body());
                // the first attempt is still running on the server: the same key is answered once it has finished
                if (reply.status() == 409 && "idempotency-request-in-progress".equals(reply.problemType()) && attempt < ATTEMPTS) {
                    pause(step, call, Duration.ofSeconds(1));
                    continue;
                }
                return reply;
            } catch (IOException e) {
                lastError = e;
                if (idempotencyKey == null && !"GET".equals(call.method())) {
                    break; // a PUT replaces the whole resource: the caller decides whether to send it again
                }
                pause(step, call, Duration.ofMillis(500L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(step, call.toString(), "interrupted", e);
            }
        }
        throw new DemoFailure(step, base + call.path(), "no answer", lastError);
    }

    private HttpRequest request(Call call, String token, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path())).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (json != null) {
            request.header("Content-Type", "application/json");
            publisher = HttpRequest.BodyPublishers.ofString(json);
        }
        return request.method(call.method(), publisher).build();
    }

    private static void pause(String step, Call call, Duration duration) throws DemoFailure {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure(step, call.toString(), "interrupted", e);
        }
    }

    static String text(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + body, e);
        }
    }

    /** A money field of a response, with its two decimals (a JSON number may come as 2195.0 or 2195). */
    static BigDecimal money(JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("not an amount: " + node);
        }
        return node.decimalValue().setScale(2, RoundingMode.UNNECESSARY);
    }
}
