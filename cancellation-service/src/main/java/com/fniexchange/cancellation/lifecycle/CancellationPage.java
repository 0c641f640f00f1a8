package com.fniexchange.cancellation.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of cancellations, oldest request first. */
record CancellationPage(List<Cancellation> items,
                        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
