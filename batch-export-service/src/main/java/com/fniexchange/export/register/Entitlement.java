package com.fniexchange.export.register;

import java.util.List;
import java.util.Locale;

/**
 * What a partner may see: rows of the listed dealers (when any are listed) and of the listed
 * makes (when any are listed; compared upper-case). Both lists set means both must match.
 */
public record Entitlement(List<String> dealerCodes, List<String> makes) {

    public Entitlement {
        dealerCodes = dealerCodes == null ? List.of() : List.copyOf(dealerCodes);
        makes = makes == null ? List.of() : makes.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }

    public boolean permits(String dealerCode, String make) {
        return (dealerCodes.isEmpty() || dealerCodes.contains(dealerCode))
                && (makes.isEmpty() || makes.contains(make.toUpperCase(Locale.ROOT)));
    }
}
