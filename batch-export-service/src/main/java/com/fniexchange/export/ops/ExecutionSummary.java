package com.fniexchange.export.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One execution of a partner export.
 *
 * @param status          Spring Batch's status (STARTING, STARTED, COMPLETED, FAILED, STOPPED, ABANDONED)
 * @param exitCode        COMPLETED, FAILED, RECONCILIATION_MISMATCH...
 * @param exitMessage     the first line of the failure, if any (never a stack trace)
 * @param recordCount     records in the file, from its latest reconciliation (null before one)
 * @param reconciliation  MATCHED or MISMATCHED (null before one)
 */
public record ExecutionSummary(
        long executionId,
        String register,
        String partnerId,
        String businessDate,
        String status,
        String exitCode,
        @Schema(nullable = true) String exitMessage,
        Instant createdAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant endedAt,
        @Schema(nullable = true) Long recordCount,
        @Schema(nullable = true) String reconciliation,
        List<StepSummary> steps) {

    /** A step of the execution, with Spring Batch's counts (a restarted step counts only its own part). */
    public record StepSummary(String name, String status, String exitCode, long readCount, long writeCount, long commitCount,
                              long rollbackCount) {
    }
}
