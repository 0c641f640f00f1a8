package com.fniexchange.cancellation.cancellation;

import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Keyset position (requested_at, cancellation_id), opaque to clients (base64url). */
record PageCursor(Instant requestedAt, UUID cancellationId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((requestedAt + "|" + cancellationId).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new PageCursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("cursor",
                    "is not a cursor this API returned; start again without it")));
        }
    }
}
