package com.fniexchange.contract.lifecycle;

import com.fniexchange.contract.ContractProperties;
import com.fniexchange.model.Money;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides whether a submitted contract is in force at once (ACTIVE) or waits for a provider
 * administrator (PENDING_REVIEW), and why: pricing below cost or far above suggested retail,
 * and late submissions, are the patterns reviewers ask to see.
 */
@Component
class AutoApproval {

    private final ContractProperties properties;

    AutoApproval(ContractProperties properties) {
        this.properties = properties;
    }

    /** Review reasons; empty means approve automatically. */
    List<String> reviewReasons(Money customerPrice, Money dealerCost, Money suggestedRetail, LocalDate saleDate, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (customerPrice.compareTo(dealerCost) < 0) {
            reasons.add("customer price " + customerPrice + " is below the dealer cost " + dealerCost);
        }
        Money markupCap = suggestedRetail.times(properties.maxMarkupRatio());
        if (customerPrice.compareTo(markupCap) > 0) {
            reasons.add("customer price " + customerPrice + " is above " + properties.maxMarkupRatio()
                    + " times the suggested retail " + suggestedRetail);
        }
        long daysSinceSale = ChronoUnit.DAYS.between(saleDate, today);
        if (daysSinceSale > properties.lateSubmissionDays()) {
            reasons.add("submitted " + daysSinceSale + " days after the sale (more than " + properties.lateSubmissionDays() + ")");
        }
        return reasons;
    }
}
