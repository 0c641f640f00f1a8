package com.fniexchange.export.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one reconciliation, as logged, delivered beside the file
 * ({@code <base>.reconciliation.json}) and served by the ops API.
 *
 * @param status      MATCHED, or MISMATCHED with the differing keys in {@code differences}
 * @param database    the rows of the reporting view for the date and entitlement
 * @param fileDetails the detail records of the written file, re-read
 * @param fileTrailer what the file's trailer says
 * @param events      the events published for the same records and date
 * @param differences by kind ({@code missingFromFile}, {@code notInDatabase}, {@code withoutPublishedEvent},
 *                    {@code publishedEventNotInFile}, {@code amountsDiffer}, {@code eventAmountsDiffer},
 *                    {@code trailerDiffers}, {@code fileChangedSinceManifest}): the count and the first keys
 */
public record ReconciliationReport(
        long jobExecutionId,
        String fileId,
        String partnerId,
        String register,
        String businessDate,
        Instant windowStart,
        Instant cutoff,
        Status status,
        Totals database,
        Totals fileDetails,
        Totals fileTrailer,
        Totals events,
        Map<String, Keys> differences,
        Instant reconciledAt) {

    public enum Status { MATCHED, MISMATCHED }

    /** A record count and one total per amount column, exact decimals as text. */
    public record Totals(long count, Map<String, String> totals) {
    }

    /** How many keys differ this way, and the first of them in key order. */
    public record Keys(long count, List<String> keys) {
    }

    public boolean matched() {
        return status == Status.MATCHED;
    }
}
