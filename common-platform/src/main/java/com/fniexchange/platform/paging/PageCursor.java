package com.fniexchange.platform.paging;

import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A keyset position for list endpoints: the sort instant of the last item returned and its
 * unique key (a contract number, a claim id...), opaque to clients (base64url). A cursor a client
 * made up or altered is a 400 naming {@code cursor}, never a query error.
 *
 * @param at  the last item's sort instant
 * @param key the last item's unique key, the tie-breaker
 */
public record PageCursor(Instant at, String key) {

    /** The cursor of the last item of a page. */
    public static PageCursor after(Instant at, Object key) {
        return new PageCursor(at, key.toString());
    }

    /** What a client sends back to get the next page. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent; null when it sent none. */
    public static PageCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new PageCursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** The key, for lists keyed by a UUID; a cursor whose key is none is refused like any other bad cursor. */
    public UUID uuidKey() {
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException.InvalidFields(List.of(new InvalidField("cursor",
                "is not a cursor this API returned; start again without it")));
    }
}
