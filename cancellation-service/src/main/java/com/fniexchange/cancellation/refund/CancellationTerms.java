package com.fniexchange.cancellation.refund;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the refund depends on about the cancellation itself.
 *
 * @param cancelDate   the day coverage ends
 * @param odometer     the odometer on the cancel date; null when the product has no mileage term
 * @param lienOpen     false once the loan was paid off (early payoff): the customer is then paid
 * @param receivedDate the day the request reached the provider (the refund deadline runs from the
 *                     later of this and the cancel date)
 */
public record CancellationTerms(LocalDate cancelDate, Integer odometer, boolean lienOpen, LocalDate receivedDate) {

    public CancellationTerms {
        Objects.requireNonNull(cancelDate, "cancelDate");
        Objects.requireNonNull(receivedDate, "receivedDate");
        if (odometer != null && odometer < 0) {
            throw new IllegalArgumentException("odometer cannot be negative");
        }
    }
}
