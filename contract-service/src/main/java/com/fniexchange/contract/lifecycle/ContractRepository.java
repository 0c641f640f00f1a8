package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import com.fniexchange.platform.history.StatusHistory;
import com.fniexchange.platform.paging.KeysetPage;
import com.fniexchange.platform.paging.KeysetQuery;
import com.fniexchange.platform.paging.PageCursor;
import com.fniexchange.platform.security.DealerScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code contract} and {@code contract_status_history} tables. */
@Repository
class ContractRepository {

    private final JdbcClient jdbc;
    private final StatusHistory<ContractStatus> history;

    ContractRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.history = StatusHistory.of(jdbc, "contract_status_history", "contract_number", ContractStatus.class);
    }

    /**
     * Inserts the contract unless its natural key (dealer + deal + product) is held by a live
     * contract, committed or committing: then nothing is written and the transaction stays
     * usable (no unique violation aborts it).
     *
     * @return whether the contract was inserted
     */
    boolean insertUnlessDuplicate(Contract c, String submittedBy) {
        return jdbc.sql("""
                INSERT INTO contract (contract_number, dealer_code, deal_number, product_code, plan_code, quote_id, vin, make,
                    model_year, odometer, vehicle_in_service_date, sale_date, voidable_until, term_months, term_miles, deductible, limit_of_liability, dealer_cost,
                    suggested_retail, customer_price, financed, lienholder, customer_first_name, customer_last_name,
                    customer_state, manufacturer_warranty_in_force, status, review_reasons, submitted_by, submitted_at, updated_at)
                VALUES (:number, :dealer, :deal, :product, :plan, :quote, :vin, :make, :modelYear, :odometer, :inService,
                    :saleDate, :voidableUntil, :termMonths, :termMiles, :deductible, :limit, :dealerCost, :retail, :price, :financed, :lienholder,
                    :firstName, :lastName, :state, :warranty, :status, :reasons, :submittedBy, :submittedAt, :submittedAt)
                ON CONFLICT (dealer_code, deal_number, product_code) WHERE status NOT IN ('VOIDED', 'REJECTED') DO NOTHING
                """)
                .param("number", c.contractNumber().value())
                .param("dealer", c.dealerCode().value())
                .param("deal", c.dealNumber())
                .param("product", c.productCode().value())
                .param("plan", c.planCode())
                .param("quote", c.quoteId())
                .param("vin", c.vin().value())
                .param("make", c.make())
                .param("modelYear", c.modelYear())
                .param("odometer", c.odometer())
                .param("inService", c.vehicleInServiceDate())
                .param("saleDate", c.saleDate())
                .param("voidableUntil", c.voidableUntil())
                .param("termMonths", c.termMonths())
                .param("termMiles", c.termMiles())
                .param("deductible", c.deductible().amount())
                .param("limit", c.limitOfLiability().amount())
                .param("dealerCost", c.dealerCost().amount())
                .param("retail", c.suggestedRetail().amount())
                .param("price", c.customerPrice().amount())
                .param("financed", c.financed())
                .param("lienholder", c.lienholder())
                .param("firstName", c.customer().firstName())
                .param("lastName", c.customer().lastName())
                .param("state", c.customer().state())
                .param("warranty", c.manufacturerWarrantyInForce(), Types.BOOLEAN)
                .param("status", c.status().name())
                .param("reasons", c.reviewReasons().toArray(String[]::new))
                .param("submittedBy", submittedBy)
                .param("submittedAt", Timestamp.from(c.submittedAt()))
                .update() == 1;
    }

    /**
     * The contract with its status history, if it is of the dealer ({@code Caller.dealerScope()}:
     * empty for every dealer). Another dealer's contract is never read.
     */
    Optional<Contract> find(String contractNumber, Optional<DealerCode> dealer) {
        return DealerScope.of(dealer).query(jdbc, "SELECT * FROM contract WHERE contract_number = :number AND " + DealerScope.CONDITION, "dealer_code")
                .param("number", contractNumber)
                .query((rs, n) -> contract(rs, history(contractNumber)))
                .optional();
    }

    /** The contract with its status history, after a change this transaction made to it. */
    Contract get(ContractNumber contractNumber) {
        return jdbc.sql("SELECT * FROM contract WHERE contract_number = :number")
                .param("number", contractNumber.value())
                .query((rs, n) -> contract(rs, history(contractNumber.value())))
                .single();
    }

    /**
     * The contract, row-locked until the transaction ends: serialises every change to one
     * contract. Only rows in the caller's scope are read, so another dealer's are never locked.
     */
    Optional<Contract> lock(String contractNumber, Optional<DealerCode> dealer) {
        return DealerScope.of(dealer).query(jdbc, "SELECT * FROM contract WHERE contract_number = :number AND " + DealerScope.CONDITION + " FOR UPDATE", "dealer_code")
                .param("number", contractNumber)
                .query((rs, n) -> contract(rs, List.of()))
                .optional();
    }

    void changeStatus(ContractNumber contractNumber, ContractStatus to, List<String> reviewReasons, Instant at) {
        jdbc.sql("""
                UPDATE contract SET status = :status, review_reasons = :reasons, updated_at = :at
                WHERE contract_number = :number
                """)
                .param("number", contractNumber.value())
                .param("status", to.name())
                .param("reasons", reviewReasons.toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Appends status changes to the contract's history, in order, in one statement. */
    void recordStatusChanges(ContractNumber contractNumber, List<Contract.StatusChange> changes) {
        history.recordAll(contractNumber.value(), changes.stream()
                .map(c -> new StatusHistory.Entry<>(c.from(), c.to(), c.reason(), c.actor(), c.at())).toList());
    }

    void recordStatusChange(ContractNumber contractNumber, ContractStatus from, ContractStatus to, String reason, String actor, Instant at) {
        history.record(contractNumber.value(), from, to, reason, actor, at);
    }

    /** The live contract (not voided or rejected) holding this dealer + deal + product, if any. */
    Optional<ContractNumber> liveContractFor(DealerCode dealer, String dealNumber, ProductCode product) {
        return jdbc.sql("""
                SELECT contract_number FROM contract
                WHERE dealer_code = :dealer AND deal_number = :deal AND product_code = :product
                  AND status NOT IN ('VOIDED', 'REJECTED')
                """)
                .param("dealer", dealer.value())
                .param("deal", dealNumber)
                .param("product", product.value())
                .query((rs, n) -> ContractNumber.of(rs.getString(1)))
                .optional();
    }

    /**
     * Takes the next issue on a contract-number base (1 for the first contract on it). The base's
     * counter row stays locked until the transaction ends, so two submissions on one base (the
     * same vehicle, or VINs ending alike) never take the same issue; a rollback returns it.
     */
    int takeNextIssue(String base) {
        return jdbc.sql("""
                INSERT INTO contract_number_base AS b (base, last_issue) VALUES (:base, 1)
                ON CONFLICT (base) DO UPDATE SET last_issue = b.last_issue + 1
                RETURNING last_issue
                """)
                .param("base", base)
                .query(Integer.class)
                .single();
    }

    /**
     * Marks the dealer's contracts remitted, once: a contract already remitted or of another
     * dealer is left alone and missing from the answer.
     *
     * @return each contract marked, with its dealer cost
     */
    Map<ContractNumber, Money> markRemitted(DealerCode dealer, List<ContractNumber> numbers, UUID remittanceId, Instant at) {
        Map<ContractNumber, Money> marked = new LinkedHashMap<>();
        jdbc.sql("""
                UPDATE contract SET remittance_id = :id, remitted_at = :at, updated_at = :at
                WHERE contract_number IN (:numbers) AND dealer_code = :dealer AND remittance_id IS NULL
                RETURNING contract_number, dealer_cost
                """)
                .param("id", remittanceId)
                .param("at", Timestamp.from(at))
                .param("numbers", numbers.stream().map(ContractNumber::value).toList())
                .param("dealer", dealer.value())
                .query((rs, n) -> Map.entry(ContractNumber.of(rs.getString("contract_number")),
                        Money.of(rs.getBigDecimal("dealer_cost"))))
                .list()
                .forEach(e -> marked.put(e.getKey(), e.getValue()));
        return marked;
    }

    /**
     * The dealer's contracts among these, row-locked in number order; another dealer's are
     * neither read nor locked.
     */
    List<RemittableContract> lockForRemittance(DealerCode dealer, List<ContractNumber> numbers) {
        return jdbc.sql("""
                SELECT contract_number, status, dealer_cost, remittance_id FROM contract
                WHERE contract_number IN (:numbers) AND dealer_code = :dealer ORDER BY contract_number FOR UPDATE
                """)
                .param("numbers", numbers.stream().map(ContractNumber::value).toList())
                .param("dealer", dealer.value())
                .query((rs, n) -> RemittableContract.of(ContractNumber.of(rs.getString("contract_number")),
                        ContractStatus.valueOf(rs.getString("status")), Money.of(rs.getBigDecimal("dealer_cost")),
                        rs.getObject("remittance_id", UUID.class)))
                .list();
    }

    /** The dealer's contracts marked remitted by this remittance. */
    List<RemittedContract> remittedBy(DealerCode dealer, UUID remittanceId) {
        return jdbc.sql("""
                SELECT contract_number, dealer_cost FROM contract
                WHERE remittance_id = :id AND dealer_code = :dealer ORDER BY contract_number
                """)
                .param("id", remittanceId)
                .param("dealer", dealer.value())
                .query((rs, n) -> new RemittedContract(ContractNumber.of(rs.getString("contract_number")),
                        Money.of(rs.getBigDecimal("dealer_cost"))))
                .list();
    }

    /** A page of summaries, oldest update first, after the cursor; each filter applies when given. */
    KeysetPage<ContractSummary> page(String dealerCode, ContractStatus status, Instant updatedSince, PageCursor after, int limit) {
        return KeysetQuery.of("""
                        SELECT contract_number, status, dealer_code, deal_number, product_code, plan_code, vin, sale_date,
                               dealer_cost, customer_price, remittance_id IS NOT NULL AS remitted, updated_at
                        FROM contract
                        """, "updated_at", "contract_number")
                .filter("dealer_code = :dealer", "dealer", dealerCode)
                .filter("status = :status", "status", status == null ? null : status.name())
                .filter("updated_at >= :since", "since", updatedSince)
                .after(after, PageCursor::key)
                .page(jdbc, limit, (rs, n) -> new ContractSummary(ContractNumber.of(rs.getString("contract_number")),
                        ContractStatus.valueOf(rs.getString("status")), DealerCode.of(rs.getString("dealer_code")),
                        rs.getString("deal_number"), ProductCode.of(rs.getString("product_code")), rs.getString("plan_code"),
                        Vin.of(rs.getString("vin")),
                        rs.getObject("sale_date", LocalDate.class), Money.of(rs.getBigDecimal("dealer_cost")),
                        Money.of(rs.getBigDecimal("customer_price")), rs.getBoolean("remitted"),
                        rs.getTimestamp("updated_at").toInstant()),
                        summary -> PageCursor.after(summary.updatedAt(), summary.contractNumber().value()));
    }

    private List<Contract.StatusChange> history(String contractNumber) {
        return history.read(contractNumber, Contract.StatusChange::new);
    }

    private static Contract contract(ResultSet rs, List<Contract.StatusChange> history) throws SQLException {
        Array reasons = rs.getArray("review_reasons");
        UUID remittanceId = rs.getObject("remittance_id", UUID.class);
        return new Contract(ContractNumber.of(rs.getString("contract_number")), ContractStatus.valueOf(rs.getString("status")),
                reasons == null ? List.of() : Arrays.asList((String[]) reasons.getArray()),
                DealerCode.of(rs.getString("dealer_code")), rs.getString("deal_number"), ProductCode.of(rs.getString("product_code")),
                rs.getString("plan_code"), rs.getObject("quote_id", UUID.class), Vin.of(rs.getString("vin")), rs.getString("make"),
                rs.getInt("model_year"), rs.getInt("odometer"), rs.getObject("vehicle_in_service_date", LocalDate.class),
                rs.getObject("sale_date", LocalDate.class), rs.getObject("voidable_until", LocalDate.class), rs.getInt("term_months"), (Integer) rs.getObject("term_miles"),
                Money.of(rs.getBigDecimal("deductible")), Money.of(rs.getBigDecimal("limit_of_liability")),
                Money.of(rs.getBigDecimal("dealer_cost")),
                Money.of(rs.getBigDecimal("suggested_retail")), Money.of(rs.getBigDecimal("customer_price")),
                rs.getBoolean("financed"), rs.getString("lienholder"),
                new Contract.Customer(rs.getString("customer_first_name"), rs.getString("customer_last_name"),
                        rs.getString("customer_state")),
                (Boolean) rs.getObject("manufacturer_warranty_in_force"),
                remittanceId == null ? null : new Contract.Remittance(remittanceId, rs.getTimestamp("remitted_at").toInstant()),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), history);
    }

    /** Claim count, kept for the void rule. */
    int claimCount(ContractNumber contractNumber) {
        return jdbc.sql("SELECT claim_count FROM contract WHERE contract_number = :number")
                .param("number", contractNumber.value())
                .query(Integer.class)
                .single();
    }
}
