package com.fniexchange.local.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What makes one run's data its own, so the demo can run again on the same database the same day:
 * new dealers, deals, vehicles, repair orders and partners every time. Dealers are not a table
 * anywhere (a dealer is the {@code dealer_code} of its token; rating depends on the customer's
 * state, not the dealer's), so each run opens two dealerships of its own, and its partners,
 * entitled to exactly those, receive files holding only this run's records. An export is one per
 * (register, partner, business date): a new partner id per run keeps a second run from a 409.
 *
 * @param id    base-36 of the start second: 6 characters until 2059, so dealer codes stay within the
 *              10 characters partner entitlements and the files' dealer columns allow
 * @param today the business date (America/New_York), on which sales, claims and exports are dated
 */
record DemoRun(String id, LocalDate today, RandomGenerator random) {

    static final ZoneId BUSINESS_ZONE = ZoneId.of("America/New_York");

    static DemoRun startingNow() {
        Instant now = Instant.now();
        return new DemoRun(Long.toString(now.getEpochSecond(), 36).toUpperCase(Locale.ROOT), LocalDate.ofInstant(now, BUSINESS_ZONE),
                new SecureRandom());
    }

    /** A dealership of this run: {@code D<id>A}, {@code D<id>B}. */
    String dealerCode(char seat) {
        return "D" + id + seat;
    }

    String dealNumber(String dealerCode, int deal) {
        return "DEAL-" + dealerCode + "-" + deal;
    }

    String repairOrder(String facility, int order) {
        return "RO-" + facility + "-" + order;
    }

    String refundReference() {
        return "ACH-" + id + "-1";
    }

    String sftpPartner() {
        return "DEMO-" + id + "-SFTP";
    }

    String blobPartner() {
        return "DEMO-" + id + "-BLOB";
    }

    /** A consumer group of its own, so the partner's subscriber reads this run's events from the start. */
    String subscriberGroup() {
        return "demo-partner-" + id.toLowerCase(Locale.ROOT);
    }

    String vin(String maker, int modelYear) {
        return Vins.next(maker, modelYear, 'A', random);
    }
}
