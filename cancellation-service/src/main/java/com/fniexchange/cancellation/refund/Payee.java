package com.fniexchange.cancellation.refund;

/** Who receives the refund. */
public enum Payee {
    /** The contract was financed and the lien is still open: the lender gets the refund. */
    LIENHOLDER,
    CUSTOMER
}
