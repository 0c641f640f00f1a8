package com.fniexchange.cancellation.projection;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.security.DealerScope;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.claim.ClaimPaid;
import com.fniexchange.model.event.contract.ContractStatusChanged;
import com.fniexchange.platform.consumer.ContractStatusProjection;
import java.math.BigDecimal;
import com.fniexchange.model.event.contract.ContractSubmitted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code contract_projection} and {@code claim_payment} tables: what this service knows of
 * contracts, written only by the event handlers, read by quotes and cancellations.
 */
@Repository
public class ContractProjection implements ContractStatusProjection {

    private static final Logger log = LoggerFactory.getLogger(ContractProjection.class);
    private static final String SELECT = """
            SELECT p.*, (SELECT COALESCE(MAX(contract_paid_to_date), 0) FROM claim_payment c
                         WHERE c.contract_number = p.contract_number) AS claims_paid
            FROM contract_projection p
            """;

    private final JdbcClient jdbc;

    ContractProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A submitted contract; a second copy of the same submission changes nothing. */
    void submitted(ContractSubmitted e) {
        jdbc.sql("""
                INSERT INTO contract_projection (contract_number, dealer_code, product_code, plan_code, sale_date, term_months,
                    term_miles, odometer_at_sale, dealer_cost, customer_price, financed, lienholder, customer_state, make,
                    manufacturer_warranty_in_force, status, status_changed_at, updated_at)
                VALUES (:number, :dealer, :product, :plan, :saleDate, :termMonths, :termMiles, :odometer, :dealerCost, :price,
                    :financed, :lienholder, :state, :make, :warranty, 'SUBMITTED', :at, now())
                ON CONFLICT (contract_number) DO NOTHING
                """)
                .param("number", e.contractNumber().value())
                .param("dealer", e.dealerCode().value())
                .param("product", e.productCode().value())
                .param("plan", e.planCode())
                .param("saleDate", e.saleDate())
                .param("termMonths", e.termMonths())
                .param("termMiles", e.termMiles(), Types.INTEGER)
                .param("odometer", e.odometer())
                .param("dealerCost", e.dealerCost().amount())
                .param("price", e.customerPrice().amount())
                .param("financed", e.financed())
                .param("lienholder", e.lienholder(), Types.VARCHAR)
                .param("state", e.customerState())
                .param("make", e.make(), Types.VARCHAR)
                .param("warranty", e.manufacturerWarrantyInForce(), Types.BOOLEAN)
                .param("at", Timestamp.from(e.occurredAt()))
                .update();
    }

    @Override
    public boolean applyIfNotOlder(ContractStatusChanged event) {
        return jdbc.sql("""
                UPDATE contract_projection SET status = :status, status_changed_at = :at, updated_at = now()
                WHERE contract_number = :number AND status_changed_at <= :at
                """)
                .param("status", event.status().name())
                .param("at", Timestamp.from(event.occurredAt()))
                .param("number", event.contractNumber().value())
                .update() == 1;
    }

    @Override
    public boolean holds(ContractNumber contractNumber) {
        return jdbc.sql("SELECT count(*) FROM contract_projection WHERE contract_number = :number")
                .param("number", contractNumber.value()).query(Long.class).single() > 0;
    }

    /** A claim payment; the contract's claims paid to date is the highest running total reported. */
    void claimPaid(EventEnvelope envelope, ClaimPaid e) {
        if (e.contractNumber() == null || e.claimId() == null || e.contractPaidToDate() == null || e.paidDate() == null) {
            throw new IllegalArgumentException("claim.paid.v1 without contractNumber, claimId, contractPaidToDate or paidDate");
        }
        jdbc.sql("""
                INSERT INTO claim_payment (event_id, contract_number, claim_id, paid_amount, contract_paid_to_date, paid_date, occurred_at)
                VALUES (:id, :number, :claim, :paid, :toDate, :paidDate, :at)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("id", envelope.id())
                .param("number", e.contractNumber().value())
                .param("claim", e.claimId())
                .param("paid", e.paidAmount() == null ? BigDecimal.ZERO : e.paidAmount().amount())
                .param("toDate", e.contractPaidToDate().amount())
                .param("paidDate", e.paidDate())
                .param("at", Timestamp.from(e.occurredAt() == null ? envelope.time() : e.occurredAt()))
                .update();
    }

    /** The contract if it is of the dealer ({@code Caller.dealerScope()}; empty: any dealer). */
    public Optional<ProjectedContract> find(String number, Optional<DealerCode> dealer) {
        return DealerScope.of(dealer).query(jdbc, SELECT + " WHERE p.contract_number = :number AND " + DealerScope.CONDITION, "p.dealer_code")
                .param("number", number)
                .query((rs, n) -> contract(rs))
                .optional();
    }

    /**
     * The contract, row-locked until the transaction ends: serialises quoting and requesting a
     * cancellation of one contract. Another dealer's contract is neither read nor locked.
     */
    public Optional<ProjectedContract> lock(String number, Optional<DealerCode> dealer) {
        Optional<String> locked = DealerScope.of(dealer).query(jdbc, "SELECT p.contract_number FROM contract_projection p WHERE p.contract_number = :number AND "
                        + DealerScope.CONDITION + " FOR UPDATE", "p.dealer_code")
                .param("number", number)
                .query(String.class)
                .optional();
        return locked.flatMap(n -> find(n, Optional.empty()));
    }

    private static ProjectedContract contract(ResultSet rs) throws SQLException {
        return new ProjectedContract(ContractNumber.of(rs.getString("contract_number")), DealerCode.of(rs.getString("dealer_code")),
                rs.getString("product_code"), rs.getString("plan_code"), rs.getObject("sale_date", LocalDate.class),
                rs.getInt("term_months"), (Integer) rs.getObject("term_miles"), rs.getInt("odometer_at_sale"),
                Money.of(rs.getBigDecimal("dealer_cost")), Money.of(rs.getBigDecimal("customer_price")), rs.getBoolean("financed"),
                rs.getString("lienholder"), rs.getString("customer_state"), rs.getString("status"),
                Money.of(rs.getBigDecimal("claims_paid")), (Boolean) rs.getObject("manufacturer_warranty_in_force"));
    }
}
