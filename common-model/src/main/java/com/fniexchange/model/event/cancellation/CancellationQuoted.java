package com.fniexchange.model.event.cancellation;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A refund was quoted for cancelling the contract on {@code cancelDate}; nothing is cancelled
 * yet. The amounts add up: {@code refund = grossRefund - claimsDeducted - fee}, and
 * {@code grossRefund = providerShare + dealerChargeback}.
 *
 * @param ruleCode         the state and product refund rule that produced the quote, e.g. {@code TX-VSC}
 * @param ruleVersion      the version of that rule, which its approval recomputes under (optional within v1)
 * @param method           PRO_RATA_DAYS, PRO_RATA_MILES, LESSER_OF_TIME_OR_MILES or RULE_OF_78S
 * @param basis            what decided the unearned share: FREE_LOOK, DAYS, MILES or MONTHS
 * @param grossRefund      the unearned share of the customer price, before deductions
 * @param claimsDeducted   claims paid to date, as far as they were deducted
 * @param dealerChargeback the unearned share of the dealer's markup, which the dealer owes back
 * @param providerShare    the unearned share of the dealer cost, which the provider refunds
 * @param payee            LIENHOLDER or CUSTOMER
 * @param lienholder       the lienholder paid, null when the customer is
 */
public record CancellationQuoted(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        UUID quoteId,
        String reason,
        LocalDate cancelDate,
        Integer odometer,
        String ruleCode,
        Integer ruleVersion,
        String method,
        String basis,
        Money grossRefund,
        Money claimsDeducted,
        Money fee,
        Money refund,
        Money dealerChargeback,
        Money providerShare,
        String payee,
        String lienholder,
        LocalDate refundDueDate,
        Instant validUntil,
        Instant occurredAt) implements CancellationEvent {

    public static final EventType TYPE = EventType.of("cancellation", "quoted", 1);

    /** The payload as first released, before ruleVersion was added in v1. */
    public CancellationQuoted(ContractNumber contractNumber, DealerCode dealerCode, UUID quoteId, String reason, LocalDate cancelDate,
                              Integer odometer, String ruleCode, String method, String basis, Money grossRefund,
                              Money claimsDeducted, Money fee, Money refund, Money dealerChargeback, Money providerShare,
                              String payee, String lienholder, LocalDate refundDueDate, Instant validUntil, Instant occurredAt) {
        this(contractNumber, dealerCode, quoteId, reason, cancelDate, odometer, ruleCode, null, method, basis, grossRefund,
                claimsDeducted, fee, refund, dealerChargeback, providerShare, payee, lienholder, refundDueDate, validUntil, occurredAt);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
