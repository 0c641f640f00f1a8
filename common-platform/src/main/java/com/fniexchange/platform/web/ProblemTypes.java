package com.fniexchange.platform.web;

import java.net.URI;

/** Problem type URIs: {@code https://fniexchange.com/problems/<slug>}; the slugs are a public contract. */
public final class ProblemTypes {

    public static final String BASE = "https://fniexchange.com/problems/";
    public static final String VALIDATION = "validation";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String NOT_FOUND = "not-found";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String INTERNAL = "internal-error";
    /** 422: an {@code Idempotency-Key} reused with another body or path. */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    /** 409: the first request with this {@code Idempotency-Key} is still running. */
    public static final String IDEMPOTENCY_REQUEST_IN_PROGRESS = "idempotency-request-in-progress";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }
}
