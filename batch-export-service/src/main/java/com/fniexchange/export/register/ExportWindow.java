package com.fniexchange.export.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The rows of one business date: those whose instant is in [start of the date, cutoff), the
 * cutoff being the end of the date, or the moment the run was launched if the date had not
 * ended then. The cutoff is saved with the job, so a restart reads exactly the same rows.
 */
public record ExportWindow(LocalDate businessDate, Instant start, Instant cutoff) {

    public static ExportWindow of(LocalDate businessDate, ZoneId businessZone, Instant launchedAt) {
        Instant start = businessDate.atStartOfDay(businessZone).toInstant();
        Instant end = businessDate.plusDays(1).atStartOfDay(businessZone).toInstant();
        return new ExportWindow(businessDate, start, end.isBefore(launchedAt) ? end : launchedAt);
    }
}
