package com.fniexchange.claims.coverage;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.Vin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code contract_coverage} projection as the claim feature reads and locks it. The
 * projection's writes from contract events are in {@link CoverageProjection}; the only write
 * claims make is a payment ({@link #addPayment}).
 */
@Repository
public class CoverageRepository {

    private final JdbcClient jdbc;

    CoverageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Coverage> find(String contractNumber) {
        return jdbc.sql("SELECT * FROM contract_coverage WHERE contract_number = :number")
                .param("number", contractNumber)
                .query((rs, n) -> coverage(rs))
                .optional();
    }

    /** The coverage of each of these contracts that is known, by contract number (one query for a page of claims). */
    public Map<String, Coverage> findAll(Collection<String> contractNumbers) {
        if (contractNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, Coverage> found = new HashMap<>();
        jdbc.sql("SELECT * FROM contract_coverage WHERE contract_number IN (:numbers)")
                .param("numbers", List.copyOf(contractNumbers))
                .query((rs, n) -> coverage(rs))
                .list()
                .forEach(c -> found.put(c.contractNumber().value(), c));
        return found;
    }

    /** The contracts on a vehicle, newest sale first. */
    public List<Coverage> onVehicle(Vin vin) {
        return jdbc.sql("SELECT * FROM contract_coverage WHERE vin = :vin ORDER BY sale_date DESC, contract_number")
                .param("vin", vin.value())
                .query((rs, n) -> coverage(rs))
                .list();
    }

    /**
     * The coverage, row-locked until the transaction ends. Every claim change on a contract takes
     * this lock first: it serialises payments against the limit of liability and makes the
     * outbox order of a contract's claim events follow commit order.
     */
    public Optional<Coverage> lock(ContractNumber contractNumber) {
        return jdbc.sql("SELECT * FROM contract_coverage WHERE contract_number = :number FOR UPDATE")
                .param("number", contractNumber.value())
                .query((rs, n) -> coverage(rs))
                .optional();
    }

    /** Adds a payment to the contract's paid to date (call under {@link #lock}); returns the new total. */
    public Money addPayment(ContractNumber contractNumber, Money amount) {
        return jdbc.sql("""
                UPDATE contract_coverage SET paid_to_date = paid_to_date + :amount, updated_at = now()
                WHERE contract_number = :number RETURNING paid_to_date
                """)
                .param("number", contractNumber.value())
                .param("amount", amount.amount())
                .query((rs, n) -> Money.of(rs.getBigDecimal(1)))
                .single();
    }

    static Coverage coverage(ResultSet rs) throws SQLException {
        return new Coverage(ContractNumber.of(rs.getString("contract_number")), ContractStatus.valueOf(rs.getString("status")),
                DealerCode.of(rs.getString("dealer_code")), rs.getString("product_code"), rs.getString("plan_code"),
                Vin.of(rs.getString("vin")), rs.getString("make"), rs.getObject("sale_date", LocalDate.class),
                rs.getInt("odometer_at_sale"), rs.getInt("term_months"), (Integer) rs.getObject("term_miles"),
                Money.of(rs.getBigDecimal("deductible")),
                rs.getBigDecimal("limit_of_liability") == null ? null : Money.of(rs.getBigDecimal("limit_of_liability")),
                Money.of(rs.getBigDecimal("paid_to_date")), rs.getObject("cancel_date", LocalDate.class),
                rs.getObject("voidable_until", LocalDate.class));
    }
}
