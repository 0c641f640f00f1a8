package com.fniexchange.export.schedule;

import com.fniexchange.export.ExportProperties;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.partner.Partner;
import com.fniexchange.export.partner.PartnerChanged;
import com.fniexchange.export.partner.PartnerRepository;
import com.fniexchange.export.register.Register;
import com.fniexchange.platform.calendar.BusinessCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Fires each active partner's cron in the partner's time zone and exports every register it
 * receives for the business date that ended last (yesterday in the business zone). A ShedLock
 * lock per partner on PostgreSQL makes one instance fire; a failed earlier night is restarted,
 * a completed one skipped. Schedules follow partner changes at once.
 */
@Component
public class PartnerSchedules implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PartnerSchedules.class);

    private final PartnerRepository partners;
    private final ExportLauncher runs;
    private final BusinessCalendar calendar;
    private final ExportProperties.Schedule properties;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    PartnerSchedules(PartnerRepository partners, ExportLauncher runs, BusinessCalendar calendar, ExportProperties properties,
                     DataSource dataSource, Clock clock) {
        this.partners = partners;
        this.runs = runs;
        this.calendar = calendar;
        this.properties = properties.schedule();
        this.clock = clock;
        // the lock table is batch_export.shedlock (V2); the database's clock decides lock expiry
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build()));
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("export-schedule-");
        scheduler.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleAll() {
        if (properties.enabled()) {
            partners.all().forEach(this::schedule);
        }
    }

    @EventListener
    void partnerChanged(PartnerChanged changed) {
        if (properties.enabled()) {
            partners.find(changed.partnerId()).ifPresent(this::schedule);
        }
    }

    private void schedule(Partner partner) {
        ScheduledFuture<?> previous = scheduled.remove(partner.partnerId());
        if (previous != null) {
            previous.cancel(false);
        }
        if (partner.active()) {
            CronTrigger trigger = new CronTrigger(partner.schedule(), ZoneId.of(partner.timeZone()));
            scheduled.put(partner.partnerId(), scheduler.schedule(() -> fire(partner.partnerId()), trigger));
            log.info("partner {} scheduled: '{}' in {}", partner.partnerId(), partner.schedule(), partner.timeZone());
        }
    }

    /**
     * One firing of a partner's schedule, under its lock: true when this instance ran it,
     * false when another instance holds the lock.
     */
    public boolean fire(String partnerId) {
        LockConfiguration lock = new LockConfiguration(clock.instant(), "export-" + partnerId,
                properties.lockAtMostFor(), properties.lockAtLeastFor());
        LockingTaskExecutor.TaskResult<Boolean> result;
        try {
            result = locks.executeWithLock(() -> {
                exportYesterday(partnerId);
                return true;
            }, lock);
        } catch (Throwable e) {
            log.error("scheduled export of partner {} failed: {}", partnerId, e.toString());
            return true;
        }
        if (!result.wasExecuted()) {
            log.info("scheduled export of partner {} skipped: another instance holds its lock", partnerId);
        }
        return result.wasExecuted();
    }

    private void exportYesterday(String partnerId) {
        Partner partner = partners.find(partnerId).orElse(null);
        if (partner == null || !partner.active()) {
            return;
        }
        LocalDate businessDate = calendar.today().minusDays(1);
        for (Register register : partner.registers()) {
            try {
                JobExecution execution = runs.runOrRestart(register, partnerId, businessDate);
                if (execution != null && execution.getStatus() != BatchStatus.COMPLETED) {
                    log.error("scheduled export {} for {} on {} ended {} ({})", register, partnerId, businessDate,
                            execution.getStatus(), execution.getExitStatus().getExitCode());
                }
            } catch (Exception e) {
                log.error("scheduled export {} for {} on {} could not run: {}", register, partnerId, businessDate, e.toString());
            }
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
