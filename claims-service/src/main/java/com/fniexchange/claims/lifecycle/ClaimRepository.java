package com.fniexchange.claims.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fniexchange.claims.coverage.CoverageFacts;
import com.fniexchange.claims.coverage.CoverageRepository;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.platform.history.StatusHistory;
import com.fniexchange.platform.paging.KeysetPage;
import com.fniexchange.platform.paging.KeysetQuery;
import com.fniexchange.platform.paging.PageCursor;
import com.fniexchange.platform.security.DealerScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** The {@code claim} and {@code claim_status_history} tables. */
@Repository
class ClaimRepository {

    /** Lines are stored as the JSON the API took; a mapper of our own so REST settings cannot change it. */
    private static final ObjectMapper LINES = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final StatusHistory<ClaimStatus> history;
    private final CoverageRepository coverages;

    ClaimRepository(JdbcClient jdbc, CoverageRepository coverages) {
        this.jdbc = jdbc;
        this.history = StatusHistory.of(jdbc, "claim_status_history", "claim_id", ClaimStatus.class);
        this.coverages = coverages;
    }

    record NewClaim(UUID claimId, String contractNumber, DealerCode facility, String facilityName, String repairOrderNumber,
                    LocalDate repairDate, int odometer, String complaint, String cause, String correction, LocalDate claimDate,
                    String openedBy, Instant at) {
    }

    /** Inserts the claim unless the facility already has one on this repair order; the transaction stays usable. */
    boolean insertUnlessDuplicate(NewClaim c) {
        return jdbc.sql("""
                INSERT INTO claim (claim_id, contract_number, repair_facility, repair_facility_name, repair_order_number,
                    repair_date, odometer, complaint, cause, correction, status, claim_date, opened_by, opened_at, updated_at)
                VALUES (:id, :contract, :facility, :facilityName, :ro, :repairDate, :odometer, :complaint, :cause, :correction,
                    'OPEN', :claimDate, :openedBy, :at, :at)
                ON CONFLICT (repair_facility, repair_order_number) DO NOTHING
                """)
                .param("id", c.claimId())
                .param("contract", c.contractNumber())
                .param("facility", c.facility().value())
                .param("facilityName", c.facilityName())
                .param("ro", c.repairOrderNumber())
                .param("repairDate", c.repairDate())
                .param("odometer", c.odometer())
                .param("complaint", c.complaint())
                .param("cause", c.cause())
                .param("correction", c.correction())
                .param("claimDate", c.claimDate())
                .param("openedBy", c.openedBy())
                .param("at", Timestamp.from(c.at()))
                .update() == 1;
    }

    Optional<UUID> claimOnRepairOrder(DealerCode facility, String repairOrderNumber) {
        return jdbc.sql("SELECT claim_id FROM claim WHERE repair_facility = :facility AND repair_order_number = :ro")
                .param("facility", facility.value())
                .param("ro", repairOrderNumber)
                .query(UUID.class)
                .optional();
    }

    /** The contract of a claim the caller may see (facility scope: empty for adjusters and admins). */
    Optional<String> contractOf(UUID claimId, Optional<DealerCode> facility) {
        return DealerScope.of(facility).query(jdbc, "SELECT contract_number FROM claim WHERE claim_id = :id AND " + DealerScope.CONDITION, "repair_facility")
                .param("id", claimId)
                .query(String.class)
                .optional();
    }

    /** The claim, if the caller may see it; another facility's is never read. */
    Optional<Claim> find(UUID claimId, Optional<DealerCode> facility) {
        return DealerScope.of(facility).query(jdbc, "SELECT * FROM claim WHERE claim_id = :id AND " + DealerScope.CONDITION, "repair_facility")
                .param("id", claimId)
                .query((rs, n) -> claim(rs, true, this::coverageOf))
                .optional();
    }

    /** The claim row-locked (call after locking its contract's coverage: coverage, then claim, always). */
    Claim lock(UUID claimId) {
        return jdbc.sql("SELECT * FROM claim WHERE claim_id = :id FOR UPDATE")
                .param("id", claimId)
                .query((rs, n) -> claim(rs, false, this::coverageOf))
                .single();
    }

    Claim get(UUID claimId) {
        return find(claimId, Optional.empty()).orElseThrow();
    }

    void changeStatus(UUID claimId, ClaimStatus from, ClaimStatus to, String reason, String actor, Instant at) {
        jdbc.sql("UPDATE claim SET status = :to, updated_at = :at WHERE claim_id = :id")
                .param("id", claimId).param("to", to.name()).param("at", Timestamp.from(at)).update();
        history.record(claimId, from, to, reason, actor, at);
    }

    void recordEstimate(UUID claimId, RepairLines lines, ClaimTotals totals, String cause, String correction,
                        boolean needsAdjuster, String adjusterReason) {
        withRepair(jdbc.sql("""
                UPDATE claim SET estimate_lines = CAST(:lines AS jsonb), estimate_gross = :gross, estimate_deductible = :deductible,
                    estimate_total = :total, needs_adjuster = :needs, adjuster_reason = :reason,
                    cause = COALESCE(:cause, cause), correction = COALESCE(:correction, correction)
                WHERE claim_id = :id
                """), claimId, lines, totals, cause, correction)
                .param("needs", needsAdjuster)
                .param("reason", adjusterReason)
                .update();
    }

    String nextAuthorizationNumber() {
        long next = jdbc.sql("SELECT nextval('authorization_number_seq')").query(Long.class).single();
        return "AUTH-%08d".formatted(next);
    }

    void recordAuthorization(UUID claimId, String number, Money amount, boolean automatic, String by, Instant at) {
        jdbc.sql("""
                UPDATE claim SET authorization_number = :number, authorized_amount = :amount, auto_authorized = :automatic,
                    authorized_by = :by, authorized_at = :at, needs_adjuster = false
                WHERE claim_id = :id
                """)
                .param("id", claimId).param("number", number).param("amount", amount.amount()).param("automatic", automatic)
                .param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    /** A denial (or withdrawal) reason, and whether the claim waits in the adjuster's queue. */
    void recordDecision(UUID claimId, String disposition, String reason, boolean needsAdjuster) {
        jdbc.sql("""
                UPDATE claim SET disposition = :disposition, disposition_reason = COALESCE(:reason, disposition_reason),
                    needs_adjuster = :needs
                WHERE claim_id = :id
                """)
                .param("id", claimId).param("disposition", disposition, Types.VARCHAR).param("reason", reason, Types.VARCHAR)
                .param("needs", needsAdjuster)
                .update();
    }

    void recordInvoice(UUID claimId, RepairLines lines, ClaimTotals totals, String cause, String correction) {
        withRepair(jdbc.sql("""
                UPDATE claim SET invoice_lines = CAST(:lines AS jsonb), invoice_gross = :gross, invoice_deductible = :deductible,
                    invoice_total = :total, cause = COALESCE(:cause, cause), correction = COALESCE(:correction, correction)
                WHERE claim_id = :id
                """), claimId, lines, totals, cause, correction)
                .update();
    }

    /** The parameters an estimate and an invoice share: the claim, its lines and their totals, cause and correction. */
    private StatementSpec withRepair(StatementSpec sql, UUID claimId, RepairLines lines, ClaimTotals totals, String cause,
                                     String correction) {
        return sql.param("id", claimId)
                .param("lines", json(lines))
                .param("gross", totals.gross().amount())
                .param("deductible", totals.deductible().amount())
                .param("total", totals.total().amount())
                .param("cause", cause, Types.VARCHAR)
                .param("correction", correction, Types.VARCHAR);
    }

    void recordPayment(UUID claimId, Money amount, LocalDate paidDate, Instant at) {
        jdbc.sql("""
                UPDATE claim SET paid_amount = :amount, paid_date = :date, paid_at = :at, disposition = 'PAID',
                    disposition_reason = NULL
                WHERE claim_id = :id
                """)
                .param("id", claimId).param("amount", amount.amount()).param("date", paidDate).param("at", Timestamp.from(at))
                .update();
    }

    /** A page of claims, oldest opened first, after the cursor. */
    KeysetPage<Claim> page(String facility, ClaimStatus status, Boolean needsAdjuster, PageCursor after, int limit) {
        return KeysetQuery.of("SELECT * FROM claim", "opened_at", "claim_id")
                .filter("repair_facility = :facility", "facility", facility)
                .filter("status = :status", "status", status == null ? null : status.name())
                .filter("needs_adjuster = :needs", "needs", needsAdjuster)
                .after(after, PageCursor::uuidKey)
                .page(jdbc, limit, (rs, n) -> claim(rs, false, number -> null), claim -> PageCursor.after(claim.openedAt(), claim.claimId()))
                .map(this::withCoverage);
    }

    /** The page's contracts' coverage in one query, not one per claim. */
    private List<Claim> withCoverage(List<Claim> claims) {
        Map<String, CoverageFacts> facts = new HashMap<>();
        coverages.findAll(claims.stream().map(Claim::contractNumber).collect(Collectors.toSet()))
                .forEach((number, coverage) -> facts.put(number, CoverageFacts.of(coverage)));
        return claims.stream().map(c -> c.withCoverage(facts.get(c.contractNumber()))).toList();
    }

    private List<Claim.StatusChange> history(UUID claimId) {
        return history.read(claimId, Claim.StatusChange::new);
    }

    private CoverageFacts coverageOf(String contractNumber) {
        return coverages.find(contractNumber).map(CoverageFacts::of).orElseThrow();
    }

    private Claim claim(ResultSet rs, boolean withHistory, Function<String, CoverageFacts> coverageOf) throws SQLException {
        UUID id = rs.getObject("claim_id", UUID.class);
        ClaimStatus status = ClaimStatus.valueOf(rs.getString("status"));
        String contract = rs.getString("contract_number");
        CoverageFacts coverage = coverageOf.apply(contract);
        Claim.Authorization authorization = rs.getString("authorization_number") == null ? null
                : new Claim.Authorization(rs.getString("authorization_number"), rs.getBigDecimal("authorized_amount"),
                rs.getBoolean("auto_authorized"), rs.getString("authorized_by"), rs.getTimestamp("authorized_at").toInstant());
        Claim.Payment payment = rs.getBigDecimal("paid_amount") == null ? null
                : new Claim.Payment(rs.getBigDecimal("paid_amount"), rs.getObject("paid_date", LocalDate.class),
                rs.getTimestamp("paid_at").toInstant());
        return new Claim(id, status, status.allowedActions(), contract, coverage, rs.getString("repair_facility"),
                rs.getString("repair_facility_name"), rs.getString("repair_order_number"),
                rs.getObject("repair_date", LocalDate.class), rs.getInt("odometer"), rs.getString("complaint"),
                rs.getString("cause"), rs.getString("correction"), rs.getObject("claim_date", LocalDate.class),
                amounts(rs, "estimate"), rs.getBoolean("needs_adjuster"), rs.getString("adjuster_reason"), authorization,
                amounts(rs, "invoice"), payment, rs.getString("disposition"), rs.getString("disposition_reason"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                withHistory ? history(id) : List.of());
    }

    private static Claim.Amounts amounts(ResultSet rs, String prefix) throws SQLException {
        String lines = rs.getString(prefix + "_lines");
        if (lines == null) {
            return null;
        }
        try {
            return new Claim.Amounts(LINES.readValue(lines, RepairLines.class), rs.getBigDecimal(prefix + "_gross"),
                    rs.getBigDecimal(prefix + "_deductible"), rs.getBigDecimal(prefix + "_total"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + prefix + " lines are unreadable", e);
        }
    }

    private static String json(RepairLines lines) {
        try {
            return LINES.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
