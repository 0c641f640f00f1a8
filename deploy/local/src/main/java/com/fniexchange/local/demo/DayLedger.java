package com.fniexchange.local.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the day produced, as the APIs answered it: the contracts sold, the claims paid, the
 * cancellations approved. The partner's events and tonight's files are checked against it.
 */
final class DayLedger {

    /** A contract as contract-service issued it. */
    record SoldContract(String number, String dealerCode, String productCode, String planCode, String status,
                        BigDecimal customerPrice, BigDecimal dealerCost, String vin, int odometer, LocalDate saleDate) {

        SoldContract withStatus(String newStatus) {
            return new SoldContract(number, dealerCode, productCode, planCode, newStatus, customerPrice, dealerCost, vin, odometer, saleDate);
        }
    }

    /** A claim claims-service paid. */
    record PaidClaim(String claimId, String contractNumber, BigDecimal paidAmount, boolean authorizedAutomatically) {
    }

    /** A cancellation cancellation-service approved, with the approved amounts (recomputed at approval if claims changed). */
    record ApprovedCancellation(String cancellationId, String contractNumber, BigDecimal refund, BigDecimal dealerChargeback) {
    }

    private final Map<String, SoldContract> contracts = new LinkedHashMap<>();
    private final List<String> reviewed = new ArrayList<>();
    private final List<PaidClaim> claims = new ArrayList<>();
    private final List<ApprovedCancellation> cancellations = new ArrayList<>();

    void sold(SoldContract contract) {
        contracts.put(contract.number(), contract);
        if ("PENDING_REVIEW".equals(contract.status())) {
            reviewed.add(contract.number());
        }
    }

    void statusChanged(String number, String status) {
        contracts.computeIfPresent(number, (n, c) -> c.withStatus(status));
    }

    void paid(PaidClaim claim) {
        claims.add(claim);
    }

    void approved(ApprovedCancellation cancellation) {
        cancellations.add(cancellation);
    }

    List<SoldContract> contracts() {
        return List.copyOf(contracts.values());
    }

    List<PaidClaim> claims() {
        return List.copyOf(claims);
    }

    List<ApprovedCancellation> cancellations() {
        return List.copyOf(cancellations);
    }

    List<String> dealers() {
        return contracts.values().stream().map(SoldContract::dealerCode).distinct().toList();
    }

    /**
     * The events a partner must have received for each contract (CloudEvents types without the
     * {@code com.fniexchange.} prefix and the {@code .v1}), in the order they happened on their stream.
     */
    Map<String, List<String>> expectedEvents() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (SoldContract c : contracts.values()) {
            List<String> types = new ArrayList<>(List.of("contract.submitted"));
            if (reviewed.contains(c.number())) {
                types.add("contract.pending-review");
            }
            types.add("contract.activated");
            expected.put(c.number(), types);
        }
        for (PaidClaim claim : claims) {
            expected.get(claim.contractNumber()).addAll(List.of("claim.opened", "claim.estimate-submitted", "claim.authorized",
                    "claim.paid", "claim.closed"));
        }
        for (ApprovedCancellation cancellation : cancellations) {
            expected.get(cancellation.contractNumber()).addAll(List.of("cancellation.quoted", "cancellation.requested",
                    "cancellation.approved", "contract.cancelled", "cancellation.refund-paid"));
        }
        return expected;
    }
}
