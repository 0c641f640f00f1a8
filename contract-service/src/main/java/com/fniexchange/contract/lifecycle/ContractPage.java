package com.fniexchange.contract.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of contracts ordered by last update, then number.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record ContractPage(List<ContractSummary> items,
                           @Schema(example = "MjAyNi0xMS0yNlQxNTowNDowNS4xMjM0NTZafFZTQzNBMDA0MzUy", nullable = true,
                                   description = "pass as cursor for the next page; null on the last page") String nextCursor) {
}
