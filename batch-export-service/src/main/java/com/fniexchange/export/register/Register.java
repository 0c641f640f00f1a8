package com.fniexchange.export.register;

/** The registers partners can receive. Each is defined in {@link RegisterCatalog} once its service publishes its view. */
public enum Register {
    CONTRACT_REGISTER,
    CLAIMS_REGISTER,
    CANCELLATIONS,
    REMITTANCE
}
