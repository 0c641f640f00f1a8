package com.fniexchange.export.register;

/** The registers partners can receive. Each is defined in {@link RegisterCatalog}. */
public enum Register {
    CONTRACT_REGISTER,
    CLAIMS_REGISTER,
    CANCELLATIONS,
    REMITTANCE
}
