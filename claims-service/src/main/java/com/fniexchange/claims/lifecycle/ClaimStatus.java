package com.fniexchange.claims.lifecycle;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a claim is: {@code OPEN → ESTIMATE_SUBMITTED → (INSPECTION) → AUTHORIZED | DENIED →
 * INVOICED → PAID → CLOSED}; a denied claim may be {@code APPEALED}. The one place transitions
 * are defined.
 */
enum ClaimStatus {
    OPEN, ESTIMATE_SUBMITTED, INSPECTION, AUTHORIZED, DENIED, APPEALED, INVOICED, PAID, CLOSED;

    /** Each action and the statuses it may be taken from. */
    enum Action {
        ESTIMATE("estimate", ClaimStatus.ESTIMATE_SUBMITTED, EnumSet.of(OPEN)),
        INSPECT("inspect", ClaimStatus.INSPECTION, EnumSet.of(ESTIMATE_SUBMITTED)),
        AUTHORIZE("authorize", ClaimStatus.AUTHORIZED, EnumSet.of(ESTIMATE_SUBMITTED, INSPECTION, APPEALED)),
        DENY("deny", ClaimStatus.DENIED, EnumSet.of(OPEN, ESTIMATE_SUBMITTED, INSPECTION, APPEALED)),
        APPEAL("appeal", ClaimStatus.APPEALED, EnumSet.of(DENIED)),
        INVOICE("invoice", ClaimStatus.INVOICED, EnumSet.of(AUTHORIZED)),
        PAY("pay", ClaimStatus.PAID, EnumSet.of(INVOICED)),
        CLOSE("close", ClaimStatus.CLOSED, EnumSet.of(OPEN, DENIED, PAID));

        final String word;
        final ClaimStatus to;
        final Set<ClaimStatus> from;

        Action(String word, ClaimStatus to, Set<ClaimStatus> from) {
            this.word = word;
            this.to = to;
            this.from = from;
        }
    }

    boolean allows(Action action) {
        return action.from.contains(this);
    }

    /** The actions possible from this status, in lifecycle order. */
    List<String> allowedActions() {
        return java.util.Arrays.stream(Action.values()).filter(this::allows).map(a -> a.word).toList();
    }

    static final Map<ClaimStatus, String> DISPOSITION = Map.of(PAID, "PAID", DENIED, "DENIED", OPEN, "WITHDRAWN");
}
