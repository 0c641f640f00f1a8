package com.fniexchange.export.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.export.ExportProperties;
import com.fniexchange.export.partner.Partner;
import com.fniexchange.platform.retention.PurgeTarget;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A partner's settings frozen when an export's first execution starts (V4): every step of that
 * execution and of its restarts builds the file with these (layout, compression, entitlement,
 * OpenPGP key), so a partner changed between a failure and its restart cannot change what the
 * export delivers; the change applies from the next export. Where the file goes (the SFTP and
 * Blob channels) is read as it is now: fixing a wrong host key or path is how ops make a failed
 * delivery's restart succeed.
 */
@Component
class FrozenPartnerSettings {

    /**
     * An export whose latest execution did not complete may still be restarted: its frozen
     * settings stay, however old. The rest go {@code fni.export.frozen-settings-retention} after
     * they were frozen, with the platform's retention purge.
     */
    static final String STILL_RESTARTABLE = """
            EXISTS (SELECT 1 FROM batch_job_execution e
                    WHERE e.job_instance_id = export_partner_settings.job_instance_id AND e.status NOT IN ('COMPLETED', 'ABANDONED')
                      AND e.job_execution_id = (SELECT max(l.job_execution_id) FROM batch_job_execution l
                                                WHERE l.job_instance_id = e.job_instance_id))""";

    @Configuration(proxyBeanMethods = false)
    static class Retention {
        @Bean
        PurgeTarget frozenPartnerSettingsPurge(ExportProperties properties) {
            return new PurgeTarget("frozen-partner-settings", "export_partner_settings", "frozen_at",
                    now -> now.minus(properties.frozenSettingsRetention()), STILL_RESTARTABLE);
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FrozenPartnerSettings(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        // a row frozen by an earlier release may hold a field this one no longer has
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The file as the export started it, delivered where the partner's channels are now. */
    static Partner fileAsStartedDeliveredAsNow(Partner started, Partner now) {
        return new Partner(started.partnerId(), now.name(), started.kind(), started.entitlement(), started.registers(),
                started.layout(), started.compression(), started.pgpPublicKey(), now.sftp(), now.blob(), now.schedule(),
                now.timeZone(), now.active(), now.updatedAt(), now.updatedBy());
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
