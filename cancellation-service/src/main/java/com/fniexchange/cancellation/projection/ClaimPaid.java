package com.fniexchange.cancellation.projection;

import com.fniexchange.model.event.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields of claims-service's {@code com.fniexchange.claim.paid.v1} this service needs, and
 * only those (a tolerant reader: the payload's other fields are ignored, so claims-service may
 * add to it freely).
 *
 * @param contractPaidToDate the contract's total of claims paid after this payment
 */
record ClaimPaid(String contractNumber, UUID claimId, BigDecimal paidAmount, BigDecimal contractPaidToDate,
                 LocalDate paidDate, Instant occurredAt) {

    static final EventType TYPE = EventType.of("claim", "paid", 1);
}
