package com.fniexchange.cancellation.refund;

import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A refund with every component, so a dealer, an auditor or a regulator can follow it:
 * {@code refund = grossRefund - claimsDeducted - fee} and
 * {@code grossRefund = providerShare + dealerChargeback}, exactly, to the cent.
 *
 * @param ruleCode         the refund rule applied
 * @param method           the rule's method (also when the free look decided instead)
 * @param basis            what decided the unearned share
 * @param daysUsed         days from the sale to the cancel date, within the term
 * @param termDays         days in the term
 * @param milesUsed        miles driven since the sale, within the term; null when not measured
 * @param monthsUsed       months used, a started month counting (Rule of 78s); null otherwise
 * @param unearnedShare    the unearned share of the price, for display (six decimals); the amounts
 *                         are computed from the exact fraction
 * @param grossRefund      the unearned share of the customer price
 * @param claimsPaid       claims paid to date on the contract
 * @param claimsDeducted   the part of claims paid taken off the refund (never more than the gross)
 * @param fee              the cancellation fee taken off (never more than what was left)
 * @param refund           what the payee receives; never below zero, never above the price
 * @param dealerChargeback the unearned share of the dealer's markup, at most the dealer's profit
 * @param providerShare    the unearned share of the dealer cost: the provider's part of the gross refund
 * @param payee            who is paid
 * @param lienholder       the lienholder paid; null when the customer is
 * @param refundDueDate    the day by which the refund must be paid
 */
public record Refund(String ruleCode, RefundMethod method, RefundBasis basis, int daysUsed, int termDays, Integer milesUsed,
                     Integer monthsUsed, BigDecimal unearnedShare, Money grossRefund, Money claimsPaid, Money claimsDeducted,
                     Money fee, Money refund, Money dealerChargeback, Money providerShare, Payee payee, String lienholder,
                     LocalDate refundDueDate) {
}
