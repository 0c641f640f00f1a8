package com.fniexchange.contract.remittance;

import com.fniexchange.contract.DealerScope;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RemittanceRepository {

    private final JdbcClient jdbc;

    RemittanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What remittance needs of a contract, row-locked. */
    record RemittableContract(String contractNumber, String status, Money dealerCost, UUID remittanceId) {
    }

    /**
     * Locks the dealer's contracts among these, in number order (a stable order, so two
     * batches cannot deadlock). Another dealer's contracts are neither read nor locked.
     */
    List<RemittableContract> lock(DealerCode dealer, List<String> contractNumbers) {
        return jdbc.sql("""
                SELECT contract_number, status, dealer_cost, remittance_id FROM contract
                WHERE contract_number IN (:numbers) AND dealer_code = :dealer ORDER BY contract_number FOR UPDATE
                """)
                .param("numbers", contractNumbers)
                .param("dealer", dealer.value())
                .query((rs, n) -> new RemittableContract(rs.getString("contract_number"), rs.getString("status"),
                        Money.of(rs.getBigDecimal("dealer_cost")), rs.getObject("remittance_id", UUID.class)))
                .list();
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

    /** The remittance with its contracts, if the caller's scope covers its dealer. */
    Optional<RemittanceBatch> find(UUID remittanceId, DealerScope scope) {
        List<RemittanceBatch.Line> lines = jdbc.sql("""
                SELECT contract_number, dealer_cost FROM contract WHERE remittance_id = :id ORDER BY contract_number
                """)
                .param("id", remittanceId)
                .query((rs, n) -> new RemittanceBatch.Line(rs.getString("contract_number"), Money.of(rs.getBigDecimal("dealer_cost"))))
                .list();
        return scope.bind(jdbc.sql("SELECT * FROM remittance WHERE remittance_id = :id AND " + DealerScope.SQL))
                .param("id", remittanceId)
                .query((rs, n) -> new RemittanceBatch(rs.getObject("remittance_id", UUID.class), rs.getString("dealer_code"),
                        rs.getInt("contract_count"), Money.of(rs.getBigDecimal("total_dealer_cost")), lines,
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }
}
