package com.fniexchange.platform.security;

/** The roles a token's {@code roles} claim may carry. A token with none of them may call nothing but health. */
public enum Role {
    /** A dealership's user or system; sees only its own dealer's data ({@code dealer_code} claim). */
    DEALER(false),
    /** The provider's administrators: review contracts, see every dealer. */
    PROVIDER_ADMIN(true),
    /** The provider's claims adjusters: see every dealer's contracts and claims. */
    CLAIMS_ADJUSTER(true),
    /** Operations: metrics, exports, reconciliation, parked events. */
    OPS(true);

    private final boolean seesEveryDealer;

    Role(boolean seesEveryDealer) {
        this.seesEveryDealer = seesEveryDealer;
    }

    /** Whether this provider-side role sees every dealer's data (where its endpoints allow it at all). */
    public boolean seesEveryDealer() {
        return seesEveryDealer;
    }

    /** Every role name, for "any known role" checks. */
    static String[] names() {
        return java.util.Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
