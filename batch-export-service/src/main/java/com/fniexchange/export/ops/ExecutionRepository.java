package com.fniexchange.export.ops;

import com.fniexchange.export.job.PartnerExportJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads executions from the job repository tables, with their export parameters and reconciliation. */
@Repository
class ExecutionRepository {

    private static final String SELECT = """
            SELECT e.job_execution_id, r.parameter_value AS register, p.parameter_value AS partner_id,
                   d.parameter_value AS business_date, e.status, e.exit_code, e.exit_message, e.create_time, e.start_time,
                   e.end_time, l.trailer_count, l.status AS reconciliation
            FROM batch_job_execution e
            JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = '%s'
            JOIN batch_job_execution_params r ON r.job_execution_id = e.job_execution_id AND r.parameter_name = 'register'
            JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'partnerId'
            JOIN batch_job_execution_params d ON d.job_execution_id = e.job_execution_id AND d.parameter_name = 'businessDate'
            LEFT JOIN LATERAL (SELECT trailer_count, status FROM reconciliation_log
                               WHERE job_execution_id = e.job_execution_id ORDER BY id DESC LIMIT 1) l ON true
            """.formatted(PartnerExportJob.NAME);

    private final JdbcClient jdbc;

    ExecutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ExecutionSummary> list(String register, String partnerId, String businessDate, String status, int limit) {
        return jdbc.sql(SELECT + """
                WHERE (CAST(:register AS text) IS NULL OR r.parameter_value = :register)
                  AND (CAST(:partner AS text) IS NULL OR p.parameter_value = :partner)
                  AND (CAST(:date AS text) IS NULL OR d.parameter_value = :date)
                  AND (CAST(:status AS text) IS NULL OR e.status = :status)
                ORDER BY e.job_execution_id DESC LIMIT :limit""")
                .param("register", register).param("partner", partnerId).param("date", businessDate).param("status", status)
                .param("limit", limit)
                .query(this::summary).list();
    }

    Optional<ExecutionSummary> find(long executionId) {
        return jdbc.sql(SELECT + " WHERE e.job_execution_id = :id").param("id", executionId).query(this::summary).optional();
    }

    private ExecutionSummary summary(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("job_execution_id");
        long trailer = rs.getLong("trailer_count");
        Long recordCount = rs.wasNull() ? null : trailer;
        return new ExecutionSummary(id, rs.getString("register"), rs.getString("partner_id"), rs.getString("business_date"),
                rs.getString("status"), rs.getString("exit_code"), firstLine(rs.getString("exit_message")),
                instant(rs.getTimestamp("create_time")), instant(rs.getTimestamp("start_time")),
                instant(rs.getTimestamp("end_time")), recordCount, rs.getString("reconciliation"), steps(id));
    }

    private List<ExecutionSummary.StepSummary> steps(long executionId) {
        return jdbc.sql("""
                SELECT step_name, status, exit_code, read_count, write_count, commit_count, rollback_count
                FROM batch_step_execution WHERE job_execution_id = :id ORDER BY step_execution_id""")
                .param("id", executionId)
                .query((rs, n) -> new ExecutionSummary.StepSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /** Spring Batch keeps the stack trace in the exit message; the API shows its first line only. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 500 ? first.substring(0, 500) : first;
    }

    /** Spring Batch stores local date-times in the JVM's zone. */
    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant();
    }
}
