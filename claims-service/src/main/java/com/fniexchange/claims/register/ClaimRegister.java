package com.fniexchange.claims.register;

import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The claims register a regulator asks for (Florida §634.136 keeps one), read from the
 * {@code claim_register} reporting view: the same rows batch-export-service files.
 */
@RestController
@RequestMapping(path = "/api/v1/claims/register", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Claims register", description = "The regulator's claims register")
class ClaimRegister {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;

    ClaimRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Schema(name = "ClaimRegisterEntry", description = "One claim as the claims register records it")
    record Entry(@Schema(example = "VSC3A004352") String contractNumber,
                 UUID claimId,
                 @Schema(description = "The business date the claim was made") LocalDate claimDate,
                 @Schema(example = "VSC", description = "The contract's product") String claimType,
                 @Schema(example = "D1001", description = "The dealer that sold the contract") String issuingDealer,
                 @Schema(example = "D2002") String repairFacility,
                 @Schema(example = "RO-55012") String repairOrderNumber,
                 @Schema(example = "PAID") String status,
                 @Schema(example = "812.40", nullable = true, description = "Paid, else authorised, else estimated; null before an estimate")
                 BigDecimal amount,
                 @Schema(nullable = true, description = "null unless paid") LocalDate datePaid,
                 @Schema(example = "PAID", description = "PAID, DENIED, WITHDRAWN or OPEN") String disposition,
                 @Schema(nullable = true, example = "wear item, not a covered component", description = "Why, when not paid")
                 String reason) {
    }

    @GetMapping
    @PreAuthorize("hasRole('PROVIDER_ADMIN')")
    @Operation(operationId = "claimRegister", summary = "The claims register for a range of claim dates (provider admin)",
            description = "Claims made from `from` to `to` (inclusive, business dates, at most " + MAX_DAYS + " days), oldest first.")
    @ApiResponse(responseCode = "200", description = "The register's entries")
    @ApiResponse(responseCode = "400", description = "from or to missing or malformed, to before from, or the range too long (type `validation`)")
    List<Entry> register(@Parameter(example = "2027-01-01") @RequestParam LocalDate from,
                         @Parameter(example = "2027-01-31") @RequestParam LocalDate to) {
        if (to.isBefore(from)) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("to", "must not be before from")));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("to", "at most " + MAX_DAYS + " days after from")));
        }
        return jdbc.sql("""
                SELECT contract_number, claim_id, claim_date, claim_type, issuing_dealer, repair_facility, repair_order_number,
                       status, amount, paid_date, disposition, disposition_reason
                FROM claim_register WHERE claim_date BETWEEN :from AND :to ORDER BY claim_date, claim_id
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Entry(rs.getString("contract_number"), rs.getObject("claim_id", UUID.class),
                        rs.getObject("claim_date", LocalDate.class), rs.getString("claim_type"), rs.getString("issuing_dealer"),
                        rs.getString("repair_facility"), rs.getString("repair_order_number"), rs.getString("status"),
                        rs.getBigDecimal("amount"), rs.getObject("paid_date", LocalDate.class), rs.getString("disposition"),
                        rs.getString("disposition_reason")))
                .list();
    }
}
