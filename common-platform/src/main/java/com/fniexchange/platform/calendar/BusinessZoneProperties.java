package com.fniexchange.platform.calendar;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fni.business-zone}: the zone the business counts days in (a sale's date, a void window,
 * a business date's export window). Typed, so an unknown zone stops the service at start-up
 * with the property named, instead of failing the first request that asks for today.
 */
@ConfigurationProperties("fni")
record BusinessZoneProperties(@DefaultValue("America/New_York") ZoneId businessZone) {
}
