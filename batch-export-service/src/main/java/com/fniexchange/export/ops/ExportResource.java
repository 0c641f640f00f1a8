package com.fniexchange.export.ops;

import com.fniexchange.export.reconciliation.ReconciliationLog;
import com.fniexchange.export.reconciliation.ReconciliationReport;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = "/api/v1/exports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Exports", description = "Run, restart and inspect partner register exports and their reconciliation")
class ExportResource {

    private final ExportLauncher runs;
    private final ExecutionRepository executions;
    private final ReconciliationLog reconciliations;

    ExportResource(ExportLauncher runs, ExecutionRepository executions, ReconciliationLog reconciliations) {
        this.runs = runs;
        this.executions = executions;
        this.reconciliations = reconciliations;
    }

    @PostMapping(path = "/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "runExport", summary = "Run a register's export for a partner and business date now",
            description = "Starts in the background; follow the execution at its Location.")
    @ApiResponse(responseCode = "202", description = "Started")
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid, or the date is after today (type `validation`)")
    @ApiResponse(responseCode = "404", description = "No such partner (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "This export exists: done, running, or failed and to be restarted (type `export-exists`)")
    @ApiResponse(responseCode = "422", description = "The partner is inactive or does not receive the register, or the register is "
            + "not available (types `partner-inactive`, `register-not-received`, `register-unavailable`)")
    ResponseEntity<ExecutionSummary> run(@Valid @RequestBody RunRequest request) throws Exception {
        JobExecution started = runs.start(request.register(), request.partnerId(), request.businessDate());
        return accepted(started.getId());
    }

    @PostMapping("/executions/{executionId}/restart")
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "restartExport", summary = "Restart a failed execution",
            description = "Resumes where it stopped: completed steps are not repeated, the extract continues after its last "
                    + "committed chunk, files already delivered are not sent again, reconciliation runs again.")
    @ApiResponse(responseCode = "202", description = "Restarted")
    @ApiResponse(responseCode = "404", description = "No such execution (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "Not FAILED or STOPPED, or not the latest execution of its export "
            + "(types `invalid-state-transition`, `export-superseded`)")
    ResponseEntity<ExecutionSummary> restart(@PathVariable long executionId) throws Exception {
        JobExecution restarted = runs.restartInBackground(executionId);
        return accepted(restarted.getId());
    }

    @PostMapping("/executions/{executionId}/mark-failed")
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "markExportFailed", summary = "Mark an execution a killed process left running as FAILED",
            description = "Spring Batch leaves a killed run STARTED; marking it FAILED lets it be restarted. Only for executions "
                    + "no process runs any more.")
    @ApiResponse(responseCode = "200", description = "Marked FAILED")
    @ApiResponse(responseCode = "404", description = "No such execution (type `not-found`)")
    @ApiResponse(responseCode = "409", description = "The execution is not running (type `invalid-state-transition`)")
    ExecutionSummary markFailed(@PathVariable long executionId, Caller caller) {
        runs.markFailed(executionId, caller.actor());
        return executions.find(executionId).orElseThrow();
    }

    @GetMapping("/executions")
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "listExecutions", summary = "Executions, newest first, with status, counts and reconciliation",
            description = "Filters combine; each execution carries its steps' counts and its latest reconciliation status.")
    @ApiResponse(responseCode = "200", description = "The executions")
    @ApiResponse(responseCode = "400", description = "A filter is invalid (type `validation`)")
    List<ExecutionSummary> list(@RequestParam(required = false) com.fniexchange.export.register.Register register,
                                @RequestParam(required = false) String partnerId,
                                @RequestParam(required = false) LocalDate businessDate,
                                @RequestParam(required = false) BatchStatus status,
                                @Parameter(description = "at most this many (1 to 500)") @RequestParam(defaultValue = "50")
                                @Min(1) @Max(500) int limit) {
        return executions.list(register == null ? null : register.name(), partnerId,
                businessDate == null ? null : businessDate.toString(), status == null ? null : status.name(), limit);
    }

    @GetMapping("/executions/{executionId}")
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "getExecution", summary = "One execution with its steps",
            description = "Status, exit code and message (first line only), record count and reconciliation status, and every step's counts.")
    @ApiResponse(responseCode = "200", description = "The execution")
    @ApiResponse(responseCode = "404", description = "No such execution (type `not-found`)")
    ExecutionSummary get(@PathVariable long executionId) {
        return executions.find(executionId).orElseThrow(() -> new ProblemException.NotFound("execution", Long.toString(executionId)));
    }

    @GetMapping("/executions/{executionId}/reconciliation")
    @PreAuthorize("hasRole('OPS')")
    @Operation(operationId = "getReconciliation", summary = "The latest reconciliation report of an execution",
            description = "The same report that was delivered beside the file.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "404", description = "No such execution, or it has not reconciled yet (type `not-found`)")
    ReconciliationReport reconciliation(@PathVariable long executionId) {
        return reconciliations.latestOf(executionId)
                .orElseThrow(() -> new ProblemException.NotFound("reconciliation", Long.toString(executionId)));
    }

    private ResponseEntity<ExecutionSummary> accepted(long executionId) {
        ExecutionSummary summary = executions.find(executionId).orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/exports/executions/" + executionId)).body(summary);
    }
}
