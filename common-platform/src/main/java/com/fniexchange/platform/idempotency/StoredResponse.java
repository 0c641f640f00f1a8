package com.fniexchange.platform.idempotency;

import java.time.Instant;

/** What is kept under an idempotency key. {@code status} is null while the first request runs. */
record StoredResponse(String requestHash, Integer status, String contentType, String location, byte[] body, Instant expiresAt) {
}
