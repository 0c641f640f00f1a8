package com.fniexchange.platform.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Today, as the business counts days: in {@code fni.business-zone} (default America/New_York),
 * not in UTC, so a sale at 9 pm Eastern is not "in the future".
 */
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public BusinessCalendar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Today's date in the business's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The zone the business counts days in ({@code fni.business-zone}). */
    public ZoneId zone() {
        return zone;
    }
}
