package com.fniexchange.claims.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of claims; follow {@code nextCursor} for the next one. */
record ClaimPage(List<Claim> items,
                 @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
