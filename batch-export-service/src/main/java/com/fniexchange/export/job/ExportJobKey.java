package com.fniexchange.export.job;

import com.fniexchange.export.register.ExportWindow;
import com.fniexchange.export.register.Register;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;

/**
 * The job parameters of one export: register, partner and business date identify the job
 * instance (one per triple, so a rerun is a restart); the cutoff is saved with it but does not
 * identify it, and a restart reuses the failed execution's.
 */
public record ExportJobKey(Register register, String partnerId, LocalDate businessDate, Instant cutoff) {

    public static final String REGISTER = "register";
    public static final String PARTNER = "partnerId";
    public static final String BUSINESS_DATE = "businessDate";
    public static final String CUTOFF = "cutoff";

    public static ExportJobKey launch(Register register, String partnerId, LocalDate businessDate, ZoneId zone, Instant now) {
        return new ExportJobKey(register, partnerId, businessDate, ExportWindow.of(businessDate, zone, now).cutoff());
    }

    public JobParameters toParameters() {
        return new JobParametersBuilder()
                .addString(REGISTER, register.name())
                .addString(PARTNER, partnerId)
                .addString(BUSINESS_DATE, businessDate.toString())
                .addString(CUTOFF, cutoff.toString(), false)
                .toJobParameters();
    }

    public static ExportJobKey of(JobParameters p) {
        return new ExportJobKey(Register.valueOf(p.getString(REGISTER)), p.getString(PARTNER),
                LocalDate.parse(p.getString(BUSINESS_DATE)), Instant.parse(p.getString(CUTOFF)));
    }

    public static ExportJobKey of(Map<String, Object> p) {
        return new ExportJobKey(Register.valueOf((String) p.get(REGISTER)), (String) p.get(PARTNER),
                LocalDate.parse((String) p.get(BUSINESS_DATE)), Instant.parse((String) p.get(CUTOFF)));
    }

    public ExportWindow window(ZoneId zone) {
        ExportWindow full = ExportWindow.of(businessDate, zone, cutoff);
        return new ExportWindow(businessDate, full.start(), cutoff);
    }
}
