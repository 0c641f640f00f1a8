package com.fniexchange.export.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reconciliation_log} table: one row per reconciliation, with its report. */
@Repository
public class ReconciliationLog {

    /** Reports as JSON: ISO instants, stable field order (the record's). */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final JdbcClient jdbc;

    ReconciliationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ReconciliationReport r) {
        jdbc.sql("""
                INSERT INTO reconciliation_log (job_execution_id, register, partner_id, business_date, status,
                    db_count, file_count, trailer_count, event_count, db_totals, file_totals, trailer_totals, event_totals,
                    differences, report, reconciled_at)
                VALUES (:job, :register, :partner, :date, :status, :dbCount, :fileCount, :trailerCount, :eventCount,
                    CAST(:dbTotals AS jsonb), CAST(:fileTotals AS jsonb), CAST(:trailerTotals AS jsonb), CAST(:eventTotals AS jsonb),
                    CAST(:differences AS jsonb), CAST(:report AS jsonb), :at)""")
                .param("job", r.jobExecutionId()).param("register", r.register()).param("partner", r.partnerId())
                .param("date", LocalDate.parse(r.businessDate())).param("status", r.status().name())
                .param("dbCount", r.database().count()).param("fileCount", r.fileDetails().count())
                .param("trailerCount", r.fileTrailer().count()).param("eventCount", r.events().count())
                .param("dbTotals", json(r.database().totals())).param("fileTotals", json(r.fileDetails().totals()))
                .param("trailerTotals", json(r.fileTrailer().totals())).param("eventTotals", json(r.events().totals()))
                .param("differences", json(r.differences())).param("report", json(r))
                .param("at", Timestamp.from(r.reconciledAt()))
                .update();
    }

    /** The latest report of a job execution. */
    public Optional<ReconciliationReport> latestOf(long jobExecutionId) {
        return jdbc.sql("SELECT report::text FROM reconciliation_log WHERE job_execution_id = :job ORDER BY id DESC LIMIT 1")
                .param("job", jobExecutionId).query(String.class).optional().map(ReconciliationLog::read);
    }

    /** The latest status per job execution, for listings. */
    public Optional<String> latestStatusOf(long jobExecutionId) {
        return jdbc.sql("SELECT status FROM reconciliation_log WHERE job_execution_id = :job ORDER BY id DESC LIMIT 1")
                .param("job", jobExecutionId).query(String.class).optional();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReconciliationReport read(String json) {
        try {
            return JSON.readValue(json, ReconciliationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
