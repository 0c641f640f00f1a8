package com.fniexchange.platform.security;

/** The roles a token's {@code roles} claim may carry. */
public enum Role {
    /** A dealership's user or system; sees only its own dealer's data ({@code dealer_code} claim). */
    DEALER,
    /** The provider's administrators: review contracts, see every dealer. */
    PROVIDER_ADMIN,
    /** The provider's claims adjusters. */
    CLAIMS_ADJUSTER,
    /** Operations: metrics, exports, reconciliation. */
    OPS
}
