package com.fniexchange.export.partner;

/** Published after a partner was created or replaced, so its schedule follows. */
public record PartnerChanged(String partnerId) {
}
