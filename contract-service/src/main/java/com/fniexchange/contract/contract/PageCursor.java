package com.fniexchange.contract.contract;

import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Keyset position (updated_at, contract_number), opaque to clients (base64url). */
record PageCursor(Instant updatedAt, String contractNumber) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((updatedAt + "|" + contractNumber).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new PageCursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("cursor",
                    "is not a cursor this API returned; start again without it")));
        }
    }
}
