package com.fniexchange.export.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.export.partner.Partner;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A partner's settings frozen when an export's first execution starts (V4): every step of that
 * execution and of its restarts reads these, so a partner changed between a failure and its
 * restart cannot change what the export delivers. The change applies from the next export.
 */
@Component
class FrozenPartnerSettings {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FrozenPartnerSettings(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Freezes {@code current} for the export unless this job instance froze it already (a
     * restart); a row left by a job instance since deleted is replaced.
     */
    void freeze(ExportJobKey key, long jobInstanceId, Partner current) {
        jdbc.sql("""
                INSERT INTO export_partner_settings (register, partner_id, business_date, job_instance_id, settings)
                VALUES (:register, :partner, :date, :instance, CAST(:settings AS jsonb))
                ON CONFLICT (register, partner_id, business_date) DO UPDATE
                    SET job_instance_id = EXCLUDED.job_instance_id, settings = EXCLUDED.settings, frozen_at = now()
                    WHERE export_partner_settings.job_instance_id <> EXCLUDED.job_instance_id
                """)
                .param("register", key.register().name()).param("partner", key.partnerId()).param("date", key.businessDate())
                .param("instance", jobInstanceId).param("settings", write(current))
                .update();
    }

    /** The settings the export froze; empty for one started before settings were frozen. */
    Optional<Partner> of(ExportJobKey key) {
        return jdbc.sql("""
                SELECT settings::text FROM export_partner_settings
                WHERE register = :register AND partner_id = :partner AND business_date = :date
                """)
                .param("register", key.register().name()).param("partner", key.partnerId()).param("date", key.businessDate())
                .query(String.class).optional().map(this::read);
    }

    private String write(Partner partner) {
        try {
            return json.writeValueAsString(partner);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot freeze the settings of partner " + partner.partnerId(), e);
        }
    }

    private Partner read(String settings) {
        try {
            return json.readValue(settings, Partner.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen partner settings cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
