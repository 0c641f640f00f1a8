package com.fniexchange.export.partner;

public enum PartnerKind { DEALER, OEM, WARRANTY_VENDOR, LENDER }
