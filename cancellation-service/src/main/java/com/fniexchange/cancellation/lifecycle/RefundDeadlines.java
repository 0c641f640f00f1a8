package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.CancellationProperties;
import com.fniexchange.platform.calendar.BusinessCalendar;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Gauges for refunds the provider owes: {@code fni.refunds.overdue} (approved, unpaid, past the
 * due date) and {@code fni.refunds.due.soon} (approved, unpaid, due within
 * {@code fni.cancellation.due-soon-days}), so an alert fires before a state penalty starts.
 * Counted at scrape time with one indexed query per gauge.
 */
@Component
class RefundDeadlines {

    record Counts(long overdue, long dueSoon) {
    }

    private final CancellationRepository cancellations;
    private final BusinessCalendar calendar;
    private final int dueSoonDays;

    RefundDeadlines(CancellationRepository cancellations, BusinessCalendar calendar, CancellationProperties properties,
                    MeterRegistry registry) {
        this.cancellations = cancellations;
        this.calendar = calendar;
        this.dueSoonDays = properties.dueSoonDays();
        Gauge.builder("fni.refunds.overdue", this, d -> d.counts().overdue())
                .description("Approved cancellations whose refund is unpaid past its due date")
                .register(registry);
        Gauge.builder("fni.refunds.due.soon", this, d -> d.counts().dueSoon())
                .description("Approved cancellations whose unpaid refund falls due within fni.cancellation.due-soon-days")
                .tag("within_days", String.valueOf(dueSoonDays))
                .register(registry);
    }

    Counts counts() {
        LocalDate today = calendar.today();
        return cancellations.unpaidRefunds(today, today.plusDays(dueSoonDays));
    }
}
