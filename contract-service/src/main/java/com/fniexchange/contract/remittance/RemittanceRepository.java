package com.fniexchange.contract.remittance;

import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.security.DealerScope;
import com.fniexchange.model.Money;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code remittance} table. Its contracts are the contract feature's ({@code ContractRemittance}). */
@Repository
class RemittanceRepository {

    private final JdbcClient jdbc;

    RemittanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RemittanceBatch batch, String submittedBy) {
        jdbc.sql("""
                INSERT INTO remittance (remittance_id, dealer_code, contract_count, total_dealer_cost, submitted_by, created_at)
                VALUES (:id, :dealer, :count, :total, :by, :at)
                """)
                .param("id", batch.remittanceId())
                .param("dealer", batch.dealerCode())
                .param("count", batch.contractCount())
                .param("total", batch.totalDealerCost().amount())
                .param("by", submittedBy)
                .param("at", Timestamp.from(batch.createdAt()))
                .update();
    }

    /**
     * The remittance, without its contracts, if it is of the dealer ({@code Caller.dealerScope()}:
     * empty for every dealer). Another dealer's remittance is never read.
     */
    Optional<RemittanceBatch> find(UUID remittanceId, Optional<DealerCode> dealer) {
        return DealerScope.of(dealer).query(jdbc, "SELECT * FROM remittance WHERE remittance_id = :id AND " + DealerScope.CONDITION, "dealer_code")
                .param("id", remittanceId)
                .query((rs, n) -> new RemittanceBatch(rs.getObject("remittance_id", UUID.class), rs.getString("dealer_code"),
                        rs.getInt("contract_count"), Money.of(rs.getBigDecimal("total_dealer_cost")), List.of(),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }
}
