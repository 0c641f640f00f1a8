package com.fniexchange.export.delivery;

import com.fniexchange.export.register.Register;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code delivery} table: what was sent where, so a rerun sends nothing twice. */
@Repository
public class DeliveryLedger {

    private final JdbcClient jdbc;

    DeliveryLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivered file as the ledger records it. */
    public record Delivered(String partnerId, Register register, LocalDate businessDate, Channel channel, String fileName,
                            String location, String sha256, long size, long jobExecutionId, Instant deliveredAt) {
    }

    Optional<String> sha256Of(String partnerId, Register register, LocalDate date, Channel channel, String fileName) {
        return jdbc.sql("""
                SELECT sha256 FROM delivery WHERE partner_id = :p AND register = :r AND business_date = :d
                AND channel = :c AND file_name = :f""")
                .param("p", partnerId).param("r", register.name()).param("d", date).param("c", channel.name()).param("f", fileName)
                .query(String.class).optional();
    }

    void record(Delivered d) {
        jdbc.sql("""
                INSERT INTO delivery (partner_id, register, business_date, channel, file_name, location, sha256, size_bytes,
                                      job_execution_id, delivered_at)
                VALUES (:p, :r, :d, :c, :f, :l, :sha, :size, :job, :at)
                ON CONFLICT (partner_id, register, business_date, channel, file_name) DO UPDATE SET
                    location = EXCLUDED.location, sha256 = EXCLUDED.sha256, size_bytes = EXCLUDED.size_bytes,
                    job_execution_id = EXCLUDED.job_execution_id, delivered_at = EXCLUDED.delivered_at""")
                .param("p", d.partnerId()).param("r", d.register().name()).param("d", d.businessDate())
                .param("c", d.channel().name()).param("f", d.fileName()).param("l", d.location()).param("sha", d.sha256())
                .param("size", d.size()).param("job", d.jobExecutionId()).param("at", Timestamp.from(d.deliveredAt()))
                .update();
    }

    public List<Delivered> of(String partnerId, Register register, LocalDate date) {
        return jdbc.sql("""
                SELECT partner_id, register, business_date, channel, file_name, location, sha256, size_bytes, job_execution_id,
                       delivered_at
                FROM delivery WHERE partner_id = :p AND register = :r AND business_date = :d ORDER BY channel, file_name""")
                .param("p", partnerId).param("r", register.name()).param("d", date)
                .query((rs, n) -> new Delivered(rs.getString(1), Register.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                        Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                        rs.getLong(9), rs.getTimestamp(10).toInstant()))
                .list();
    }
}
